package dev.fameharness.scenario.logs.tools;

import dev.fameharness.scenario.logs.corpus.LogLine;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import dev.fameharness.scenario.logs.corpus.LogTimes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Filters and counts a log's lines: what {@code query_log} answers and what a reader counting over the raw
 * lines computes. A filter is a conjunction of level, component, time window {@code [since, until)}, a
 * case-sensitive substring and a regular expression over the raw line. The level is the {@code Level} header
 * field when the log has real levels ({@link #hasLevels}); the component is {@code Component} or
 * {@code Program}.
 */
public final class LogQuery {

    /** Level names the corpus's systems use, upper-cased; a log whose Level field holds other words has no levels. */
    static final Set<String> LEVEL_WORDS = Set.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR",
            "SEVERE", "CRITICAL", "FATAL", "FAILURE", "V", "D", "I", "W", "E", "F", "A");

    /** A conjunction of conditions; an empty or null field does not filter. */
    public record Filter(String level, String component, LocalDateTime since, LocalDateTime until, String text,
                         Pattern regex) {
        public static final Filter ALL = new Filter("", "", null, null, "", null);

        public boolean test(LogLine l) {
            if (!level.isEmpty() && !level.equals(LogQuery.level(l))) {
                return false;
            }
            if (!component.isEmpty() && !component.equals(LogQuery.component(l))) {
                return false;
            }
            if (since != null || until != null) {
                if (l.time().isEmpty()) {
                    return false;
                }
                LocalDateTime t = l.time().get();
                if ((since != null && t.isBefore(since)) || (until != null && !t.isBefore(until))) {
                    return false;
                }
            }
            if (!text.isEmpty() && !l.content().contains(text)) {
                return false;
            }
            return regex == null || regex.matcher(l.raw()).find();
        }
    }

    /** What a query found. */
    public record Result(List<LogLine> matched, Map<String, Long> byLevel, Map<String, Long> byComponent) {
        public long count() {
            return matched.size();
        }

        public Optional<LogLine> first() {
            return matched.stream().filter(l -> l.time().isPresent()).min(Comparator.comparing(l -> l.time().get()));
        }

        public Optional<LogLine> last() {
            return matched.stream().filter(l -> l.time().isPresent()).max(Comparator.comparing(l -> l.time().get()));
        }

        /** Components by count, most first, ties by name. */
        public List<Map.Entry<String, Long>> componentsByCount() {
            return sorted(byComponent);
        }
    }

    private LogQuery() {
    }

    public static String level(LogLine l) {
        return l.field("Level").strip();
    }

    public static String component(LogLine l) {
        String c = l.field("Component").strip();
        return c.isEmpty() ? l.field("Program").strip() : c;
    }

    /** True when most parsed lines carry a level word in {@code Level}. */
    public static boolean hasLevels(List<LogLine> lines) {
        long parsed = lines.stream().filter(LogLine::parsed).count();
        long words = lines.stream().filter(l -> LEVEL_WORDS.contains(level(l).toUpperCase(Locale.ROOT))).count();
        return parsed > 0 && words * 10 >= parsed * 9;
    }

    public static boolean hasComponents(List<LogLine> lines) {
        return lines.stream().anyMatch(l -> !component(l).isEmpty());
    }

    public static Result run(LogSystem system, Filter filter) {
        return run(system.lines(), filter);
    }

    public static Result run(List<LogLine> lines, Filter filter) {
        List<LogLine> matched = new ArrayList<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byComponent = new TreeMap<>();
        boolean levels = hasLevels(lines);
        for (LogLine l : lines) {
            if (filter.test(l)) {
                matched.add(l);
                if (levels) {
                    byLevel.merge(level(l), 1L, Long::sum);
                }
                if (!component(l).isEmpty()) {
                    byComponent.merge(component(l), 1L, Long::sum);
                }
            }
        }
        return new Result(matched, byLevel, byComponent);
    }

    /** Entries by count, most first, ties by key. */
    public static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /** {@code a=3, b=1}, most first. */
    public static String render(Map<String, Long> counts, int limit) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Long> e : sorted(counts)) {
            if (n++ == limit) {
                sb.append(", ...");
                break;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.length() == 0 ? "(none)" : sb.toString();
    }

    public static String time(LocalDateTime t) {
        return LogTimes.DISPLAY.format(t);
    }

    /** Level values of the lines, most frequent first. */
    public static Map<String, Long> levels(List<LogLine> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sorted(run(lines, Filter.ALL).byLevel())) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
