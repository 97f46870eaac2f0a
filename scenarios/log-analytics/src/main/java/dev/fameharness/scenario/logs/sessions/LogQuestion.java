package dev.fameharness.scenario.logs.sessions;

import dev.fameharness.scenario.logs.corpus.LogTimes;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question about a log, as the user asks it: one wording per kind, so the generator renders it and a
 * reader of the prompt parses it back. Implicit follow-ups ({@link Kind#TOP_COMPONENT},
 * {@link Kind#WINDOW_BEFORE}) name nothing: their system, level or window is the earlier question's.
 *
 * @param kind      what is asked
 * @param system    the log; empty for an implicit follow-up as asked
 * @param level     the level, for level questions; empty for "all lines"
 * @param since     window start, for window questions
 * @param until     window end (exclusive), for window questions
 * @param phrase    the text searched, for first-occurrence questions
 */
public record LogQuestion(Kind kind, String system, String level, LocalDateTime since, LocalDateTime until,
                          String phrase) {

    /** The kinds, with their task names (the {@code task} column of turns.csv). */
    public enum Kind {
        OVERVIEW, LEVEL_COUNT, TOP_COMPONENT, TOP_TEMPLATE, WINDOW_COUNT, WINDOW_BEFORE, FIRST_OCCURRENCE;

        public String task() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean implicit() {
            return this == TOP_COMPONENT || this == WINDOW_BEFORE;
        }
    }

    private static final String T = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})";
    private static final Pattern OVERVIEW = Pattern.compile("^Give me an overview of the (\\S+) log: how many lines it has and the time of its first and last line\\.$");
    private static final Pattern LEVEL_COUNT = Pattern.compile("^How many (\\S+) lines are in the (\\S+) log\\? \\(answer with the number first\\)$");
    private static final Pattern TOP_TEMPLATE = Pattern.compile("^What is the most frequent message template among the (?:(\\S+) )?lines of the (\\S+) log, and how many lines does it cover\\?$");
    private static final Pattern WINDOW_COUNT = Pattern.compile("^How many lines did the (\\S+) log record between " + T + " and " + T + "\\? \\(answer with the number first\\)$");
    private static final Pattern FIRST = Pattern.compile("^When did the (\\S+) log first record a message containing \"(.+)\"\\? \\(answer with the time first\\)$");
    public static final String TOP_COMPONENT_TEXT = "Which component logged most of those?";
    public static final String WINDOW_BEFORE_TEXT = "And in the hour before that?";

    public static LogQuestion overview(String system) {
        return new LogQuestion(Kind.OVERVIEW, system, "", null, null, "");
    }

    public static LogQuestion levelCount(String system, String level) {
        return new LogQuestion(Kind.LEVEL_COUNT, system, level, null, null, "");
    }

    public static LogQuestion topTemplate(String system, String level) {
        return new LogQuestion(Kind.TOP_TEMPLATE, system, level, null, null, "");
    }

    public static LogQuestion window(String system, LocalDateTime since, LocalDateTime until) {
        return new LogQuestion(Kind.WINDOW_COUNT, system, "", since, until, "");
    }

    public static LogQuestion first(String system, String phrase) {
        return new LogQuestion(Kind.FIRST_OCCURRENCE, system, "", null, null, phrase);
    }

    /** The follow-up as asked: it names nothing. */
    public static LogQuestion implicit(Kind kind) {
        return new LogQuestion(kind, "", "", null, null, "");
    }

    /** This follow-up resolved against the question it refers to. */
    public LogQuestion resolve(LogQuestion referent) {
        return switch (kind) {
            case TOP_COMPONENT -> new LogQuestion(kind, referent.system(), referent.level(), null, null, "");
            case WINDOW_BEFORE -> new LogQuestion(kind, referent.system(), "", referent.since().minusHours(1),
                    referent.since(), "");
            default -> this;
        };
    }

    /** The kind of question an implicit follow-up refers to. */
    public Optional<Kind> referentKind() {
        return switch (kind) {
            case TOP_COMPONENT -> Optional.of(Kind.LEVEL_COUNT);
            case WINDOW_BEFORE -> Optional.of(Kind.WINDOW_COUNT);
            default -> Optional.empty();
        };
    }

    /** The request text. */
    public String render() {
        return switch (kind) {
            case OVERVIEW -> "Give me an overview of the " + system + " log: how many lines it has and the time of its first and last line.";
            case LEVEL_COUNT -> "How many " + level + " lines are in the " + system + " log? (answer with the number first)";
            case TOP_TEMPLATE -> "What is the most frequent message template among the " + (level.isEmpty() ? "" : level + " ")
                    + "lines of the " + system + " log, and how many lines does it cover?";
            case WINDOW_COUNT -> "How many lines did the " + system + " log record between " + LogTimes.DISPLAY.format(since)
                    + " and " + LogTimes.DISPLAY.format(until) + "? (answer with the number first)";
            case FIRST_OCCURRENCE -> "When did the " + system + " log first record a message containing \"" + phrase
                    + "\"? (answer with the time first)";
            case TOP_COMPONENT -> TOP_COMPONENT_TEXT;
            case WINDOW_BEFORE -> WINDOW_BEFORE_TEXT;
        };
    }

    /** Parses a request rendered by {@link #render()}; empty for any other text. */
    public static Optional<LogQuestion> parse(String request) {
        String r = request.strip();
        Matcher m;
        if ((m = OVERVIEW.matcher(r)).matches()) {
            return Optional.of(overview(m.group(1)));
        }
        if ((m = LEVEL_COUNT.matcher(r)).matches()) {
            return Optional.of(levelCount(m.group(2), m.group(1)));
        }
        if ((m = TOP_TEMPLATE.matcher(r)).matches()) {
            return Optional.of(topTemplate(m.group(2), m.group(1) == null ? "" : m.group(1)));
        }
        if ((m = WINDOW_COUNT.matcher(r)).matches()) {
            return Optional.of(window(m.group(1), LocalDateTime.parse(m.group(2), LogTimes.DISPLAY),
                    LocalDateTime.parse(m.group(3), LogTimes.DISPLAY)));
        }
        if ((m = FIRST.matcher(r)).matches()) {
            return Optional.of(first(m.group(1), m.group(2)));
        }
        if (r.equals(TOP_COMPONENT_TEXT)) {
            return Optional.of(implicit(Kind.TOP_COMPONENT));
        }
        if (r.equals(WINDOW_BEFORE_TEXT)) {
            return Optional.of(implicit(Kind.WINDOW_BEFORE));
        }
        return Optional.empty();
    }

    /** Kinds that need time in the log. */
    public static final List<Kind> TIMED = List.of(Kind.WINDOW_COUNT, Kind.WINDOW_BEFORE, Kind.FIRST_OCCURRENCE);
}
