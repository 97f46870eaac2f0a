package dev.fameharness.scenario.logs.tools;

import dev.fameharness.mcp.ToolArgumentException;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.mcp.ToolSpec;
import dev.fameharness.scenario.logs.corpus.LogCorpus;
import dev.fameharness.scenario.logs.corpus.LogFormat;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import dev.fameharness.scenario.logs.corpus.LogTimes;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The log tools as an MCP server definition ({@value #SERVER}), hosted as a function like the paper tools:
 * {@code list_logs}, {@code get_log} (the whole raw file, what a naive agent fetches), {@code query_log}
 * (filter by level, component, time window, text or regex; counts plus one page of lines) and
 * {@code template_stats} (Drain templates with counts, first and last occurrence). All are deterministic
 * (same arguments, same answer: the corpus does not change during a run) and so cacheable. An unacceptable
 * argument is an MCP tool error naming it.
 */
public final class LogToolServer {

    public static final String SERVER = "logs";
    public static final String VERSION = "1.0.0";
    public static final String LIST_LOGS = "list_logs";
    public static final String GET_LOG = "get_log";
    public static final String QUERY_LOG = "query_log";
    public static final String TEMPLATE_STATS = "template_stats";
    /** The header line {@code get_log} puts before the raw lines: system, line count and line format. */
    public static final String GET_LOG_HEADER = "# log %s: %d lines; format: %s";
    public static final Pattern GET_LOG_HEADER_PATTERN = Pattern.compile("^# log (\\S+): (\\d+) lines; format: (.*)$");
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_TEMPLATES = 50;

    private static final String SYSTEM_ARG = "{\"type\":\"string\",\"description\":\"the system's name, from list_logs\"}";
    private static final String FILTER_ARGS = "\"level\":{\"type\":\"string\",\"description\":\"keep lines of this level, e.g. ERROR\"},"
            + "\"component\":{\"type\":\"string\",\"description\":\"keep lines of this component\"},"
            + "\"since\":{\"type\":\"string\",\"description\":\"keep lines at or after this time, yyyy-MM-dd HH:mm:ss\"},"
            + "\"until\":{\"type\":\"string\",\"description\":\"keep lines before this time, yyyy-MM-dd HH:mm:ss\"},"
            + "\"text\":{\"type\":\"string\",\"description\":\"keep lines whose message contains this text\"},"
            + "\"regex\":{\"type\":\"string\",\"description\":\"keep lines matching this Java regular expression\"}";

    private final LogCorpus corpus;

    public LogToolServer(LogCorpus corpus) {
        this.corpus = corpus;
    }

    public ToolServerSpec spec() {
        return new ToolServerSpec(SERVER, VERSION, List.of(
                new ToolSpec(LIST_LOGS, "Lists the system logs: name, lines, bytes, time range, levels.",
                        "{\"type\":\"object\",\"properties\":{}}", true, args -> listLogs()),
                new ToolSpec(GET_LOG, "Returns a system's whole raw log file, after one header line giving its line format.",
                        "{\"type\":\"object\",\"properties\":{\"system\":" + SYSTEM_ARG + "},\"required\":[\"system\"]}",
                        true, args -> getLog(system(args))),
                new ToolSpec(QUERY_LOG, "Filters a system's log by level, component, time window [since, until), text "
                        + "or regex; returns the count, counts by level and component, first and last match, and one page of lines.",
                        "{\"type\":\"object\",\"properties\":{\"system\":" + SYSTEM_ARG + "," + FILTER_ARGS
                                + ",\"page\":{\"type\":\"integer\",\"description\":\"page number from 1\"},"
                                + "\"page_size\":{\"type\":\"integer\",\"description\":\"lines per page, 1-" + MAX_PAGE_SIZE + "\"}},"
                                + "\"required\":[\"system\"]}",
                        true, this::queryLog),
                new ToolSpec(TEMPLATE_STATS, "Message templates mined from a system's raw lines by the Drain log parser, "
                        + "counted over the lines the filter keeps, most frequent first, with first and last occurrence.",
                        "{\"type\":\"object\",\"properties\":{\"system\":" + SYSTEM_ARG + "," + FILTER_ARGS
                                + ",\"limit\":{\"type\":\"integer\",\"description\":\"templates to list, 1-" + MAX_TEMPLATES + "\"}},"
                                + "\"required\":[\"system\"]}",
                        true, this::templateStats)));
    }

    String listLogs() {
        StringBuilder sb = new StringBuilder();
        for (LogSystem s : corpus.systems()) {
            LogQuery.Result all = LogQuery.run(s, LogQuery.Filter.ALL);
            sb.append(s.name()).append(": ").append(s.lines().size()).append(" lines, ").append(s.bytes())
                    .append(" bytes");
            all.first().ifPresent(f -> sb.append(", from ").append(LogQuery.time(f.time().get())));
            all.last().ifPresent(l -> sb.append(" to ").append(LogQuery.time(l.time().get())));
            if (!all.byLevel().isEmpty()) {
                sb.append(", levels ").append(LogQuery.render(all.byLevel(), 10));
            }
            sb.append(" - ").append(s.description()).append('\n');
        }
        return sb.toString();
    }

    /** The whole raw file after its header line. */
    public static String getLog(LogSystem s) {
        return String.format(Locale.ROOT, GET_LOG_HEADER, s.name(), s.lines().size(), s.format().format()) + "\n" + s.raw();
    }

    String queryLog(Map<String, Object> args) {
        LogSystem s = system(args);
        LogQuery.Filter filter = filter(args, s);
        int page = integer(args, "page", 1, 1, Integer.MAX_VALUE);
        int size = integer(args, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        LogQuery.Result r = LogQuery.run(s, filter);
        StringBuilder sb = new StringBuilder();
        sb.append("system: ").append(s.name()).append('\n');
        sb.append("matched: ").append(r.count()).append(" of ").append(s.lines().size()).append(" lines (unparsed lines in the log: ")
                .append(s.unparsedLines()).append(")\n");
        r.first().ifPresent(f -> sb.append("first: ").append(LogQuery.time(f.time().get())).append(" (line ")
                .append(f.number()).append(")\n"));
        r.last().ifPresent(l -> sb.append("last: ").append(LogQuery.time(l.time().get())).append(" (line ")
                .append(l.number()).append(")\n"));
        if (LogQuery.hasLevels(s.lines())) {
            sb.append("by level: ").append(LogQuery.render(r.byLevel(), 20)).append('\n');
        }
        if (LogQuery.hasComponents(s.lines())) {
            sb.append("by component: ").append(LogQuery.render(r.byComponent(), 10)).append('\n');
        }
        int from = (page - 1) * size;
        int to = (int) Math.min(r.count(), (long) from + size);
        sb.append("lines ").append(from < to ? (from + 1) + "-" + to : "none").append(" of ").append(r.count())
                .append(" (page ").append(page).append(", page_size ").append(size).append("):\n");
        for (int i = from; i < to; i++) {
            sb.append(r.matched().get(i).raw()).append('\n');
        }
        return sb.toString();
    }

    String templateStats(Map<String, Object> args) {
        LogSystem s = system(args);
        LogQuery.Filter filter = filter(args, s);
        int limit = integer(args, "limit", 10, 1, MAX_TEMPLATES);
        List<TemplateStats.Stat> stats = TemplateStats.of(s.name(), s.lines(), filter);
        StringBuilder sb = new StringBuilder();
        sb.append("system: ").append(s.name()).append("; ").append(stats.size())
                .append(" templates (Drain) over the matching lines, most frequent first:\n");
        int n = 0;
        for (TemplateStats.Stat t : stats) {
            if (n++ == limit) {
                break;
            }
            sb.append(n).append(". count=").append(t.count());
            t.first().time().ifPresent(f -> sb.append(" first=").append(LogQuery.time(f)));
            t.last().time().ifPresent(l -> sb.append(" last=").append(LogQuery.time(l)));
            sb.append(" template: ").append(t.template()).append('\n');
        }
        return sb.toString();
    }

    private LogSystem system(Map<String, Object> args) {
        String name = string(args, "system", true);
        return corpus.system(name).orElseThrow(() -> new ToolArgumentException("system", "argument 'system': no log named '"
                + name + "'; known systems: " + String.join(", ", corpus.names()) + " (see list_logs)"));
    }

    private static LogQuery.Filter filter(Map<String, Object> args, LogSystem s) {
        LocalDateTime since = time(args, "since");
        LocalDateTime until = time(args, "until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ToolArgumentException("until", "argument 'until' (" + LogQuery.time(until)
                    + ") must be after 'since' (" + LogQuery.time(since) + "): the window is reversed or empty");
        }
        if ((since != null || until != null) && s.timeLayout().isEmpty()) {
            throw new ToolArgumentException(since != null ? "since" : "until", "system " + s.name()
                    + " has no readable time in its lines; a time window cannot filter it");
        }
        Pattern regex = null;
        String re = string(args, "regex", false);
        if (!re.isEmpty()) {
            try {
                regex = Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                throw new ToolArgumentException("regex", "argument 'regex' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        return new LogQuery.Filter(string(args, "level", false), string(args, "component", false), since, until,
                string(args, "text", false), regex);
    }

    private static LocalDateTime time(Map<String, Object> args, String name) {
        String v = string(args, name, false);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.strip(), LogTimes.DISPLAY);
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be a time yyyy-MM-dd HH:mm:ss, was '" + v + "'");
        }
    }

    private static String string(Map<String, Object> args, String name, boolean required) {
        Object v = args.get(name);
        if (v == null && !required) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be a string, was "
                    + (v == null ? "missing" : v.getClass().getSimpleName() + " " + v));
        }
        return s;
    }

    private static int integer(Map<String, Object> args, String name, int fallback, int min, int max) {
        Object v = args.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be an integer, was " + v);
        }
        if (n.longValue() < min || n.longValue() > max) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be in [" + min + ", " + max + "], was " + v);
        }
        return n.intValue();
    }

    /** The system a {@code get_log} text is about and its lines, re-read from the text itself. */
    public static Optional<LogSystem> parseGetLog(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0) {
            return Optional.empty();
        }
        var m = GET_LOG_HEADER_PATTERN.matcher(text.substring(0, nl));
        if (!m.matches()) {
            return Optional.empty();
        }
        LogFormat format;
        try {
            format = LogFormat.compile(m.group(3));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(dev.fameharness.scenario.logs.corpus.LogCorpusLoader.build(m.group(1), "", format,
                text.substring(nl + 1), Optional.empty()));
    }
}
