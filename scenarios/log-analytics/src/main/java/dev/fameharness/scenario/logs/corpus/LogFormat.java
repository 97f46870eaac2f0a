package dev.fameharness.scenario.logs.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A system's line format in the notation of the Loghub parsing benchmarks (logpai/logparser): {@code <Field>}
 * is a header field matched lazily, {@code <Content>} the free-text message, everything else is a regular
 * expression in which runs of spaces match any run of whitespace; the whole line must match. This is the
 * conversion logparser's {@code generate_logformat_regex} performs, so lines split as the benchmark splits them.
 */
public final class LogFormat {

    public static final String CONTENT = "Content";
    private static final Pattern FIELD = Pattern.compile("<([^<>]+)>");

    private final String format;
    private final List<String> fields;
    private final Pattern pattern;

    private LogFormat(String format, List<String> fields, Pattern pattern) {
        this.format = format;
        this.fields = List.copyOf(fields);
        this.pattern = pattern;
    }

    /** Compiles a format string; a field name that Java cannot use as a group name or bad regex is an error. */
    public static LogFormat compile(String format) {
        List<String> fields = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = FIELD.matcher(format);
        int last = 0;
        while (m.find()) {
            regex.append(format.substring(last, m.start()).replaceAll(" +", "\\\\s+"));
            String name = m.group(1);
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("field <" + name + "> must be letters and digits, starting with a letter");
            }
            if (fields.contains(name)) {
                throw new IllegalArgumentException("field <" + name + "> appears twice");
            }
            fields.add(name);
            regex.append("(?<").append(name).append(">.*?)");
            last = m.end();
        }
        regex.append(format.substring(last).replaceAll(" +", "\\\\s+")).append('$');
        if (!fields.contains(CONTENT)) {
            throw new IllegalArgumentException("the format has no <" + CONTENT + "> field");
        }
        try {
            return new LogFormat(format, fields, Pattern.compile(regex.toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription(), e);
        }
    }

    /** The header fields in order, {@code Content} included. */
    public List<String> fields() {
        return fields;
    }

    public String format() {
        return format;
    }

    /** The fields of a line (stripped, as logparser strips it), or empty when the line does not match. */
    public Optional<Map<String, String>> parse(String line) {
        Matcher m = pattern.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : fields) {
            out.put(f, m.group(f) == null ? "" : m.group(f));
        }
        return Optional.of(out);
    }
}
