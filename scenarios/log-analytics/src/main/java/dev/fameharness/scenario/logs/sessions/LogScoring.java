package dev.fameharness.scenario.logs.sessions;

import dev.fameharness.scenario.logs.corpus.LogTimes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact scoring of an answer against its {@link LogTruth}. Tolerances: line counts exact
 * ({@value #COUNT_TOLERANCE}); times within {@link #TIME_TOLERANCE} (logs write sub-second times, answers
 * seconds); a component name exactly (any of the tied ones); a template when it matches, as a pattern with
 * {@code <*>} standing for any text, a message of the true most frequent event and its count is within
 * {@value #TEMPLATE_COUNT_TOLERANCE} of that event's (parsers group slightly differently). An answer that asks
 * for missing context is wrong.
 */
public final class LogScoring {

    public static final long COUNT_TOLERANCE = 0;
    public static final Duration TIME_TOLERANCE = Duration.ofSeconds(1);
    public static final double TEMPLATE_COUNT_TOLERANCE = 0.10;
    private static final Pattern INTEGER = Pattern.compile("(?<![\\d:.-])\\d+(?![\\d:.-])");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private LogScoring() {
    }

    public static boolean correct(LogTruth truth, String answer) {
        LogAnswer e = truth.expected();
        String a = answer.strip();
        return switch (truth.resolved().kind()) {
            case LEVEL_COUNT, WINDOW_COUNT, WINDOW_BEFORE -> firstInteger(a).map(n -> Math.abs(n - e.count()) <= COUNT_TOLERANCE).orElse(false);
            case OVERVIEW -> {
                List<LocalDateTime> times = times(a);
                boolean count = firstInteger(a).map(n -> n == e.count()).orElse(false);
                boolean first = e.time().isEmpty() || (!times.isEmpty() && close(times.get(0), e.time().get()));
                boolean last = e.lastTime().isEmpty() || (times.size() > 1 && close(times.get(1), e.lastTime().get()));
                yield count && first && last;
            }
            case FIRST_OCCURRENCE -> {
                List<LocalDateTime> times = times(a);
                yield e.time().isPresent() && !times.isEmpty() && close(times.get(0), e.time().get());
            }
            case TOP_COMPONENT -> e.names().stream().anyMatch(n -> a.startsWith(n + " ") || a.equals(n));
            case TOP_TEMPLATE -> {
                String[] parts = a.split("\n", 2);
                Optional<Long> count = parts.length > 1 ? firstInteger(parts[1]) : Optional.empty();
                Pattern p = templatePattern(parts[0].strip());
                boolean matches = e.examples().stream().anyMatch(x -> p.matcher(x.strip()).matches());
                yield matches && count.isPresent()
                        && Math.abs(count.get() - e.count()) <= TEMPLATE_COUNT_TOLERANCE * e.count();
            }
        };
    }

    /** A template as a pattern: {@code <*>} is any text, runs of spaces any whitespace, the rest literal. */
    static Pattern templatePattern(String template) {
        StringBuilder re = new StringBuilder();
        String[] pieces = template.split("<\\*>", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                re.append(".*?");
            }
            String[] words = pieces[i].split(" +", -1);
            for (int j = 0; j < words.length; j++) {
                if (j > 0) {
                    re.append("\\s+");
                }
                re.append(Pattern.quote(words[j]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static boolean close(LocalDateTime a, LocalDateTime b) {
        return Duration.between(a, b).abs().compareTo(TIME_TOLERANCE) <= 0;
    }

    private static Optional<Long> firstInteger(String s) {
        Matcher m = INTEGER.matcher(s);
        return m.find() ? Optional.of(Long.parseLong(m.group())) : Optional.empty();
    }

    private static List<LocalDateTime> times(String s) {
        List<LocalDateTime> out = new ArrayList<>();
        Matcher m = TIME.matcher(s);
        while (m.find()) {
            out.add(LocalDateTime.parse(m.group(), LogTimes.DISPLAY));
        }
        return out;
    }
}
