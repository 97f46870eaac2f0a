package dev.fameharness.scenario.logs.corpus;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One raw line of a log.
 *
 * @param number 1-based line number in the raw file
 * @param raw    the line as written
 * @param fields the header fields and {@code Content} when the line matches its system's format; empty when it
 *               does not (an unparsed line: kept and counted, never dropped)
 * @param time   the line's time when its header has one in the log's time layout
 */
public record LogLine(int number, String raw, Map<String, String> fields, Optional<LocalDateTime> time) {

    public LogLine {
        fields = Map.copyOf(fields);
    }

    public boolean parsed() {
        return !fields.isEmpty();
    }

    /** A header field or the empty string. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The message: the {@code Content} field, or the whole raw line when unparsed. */
    public String content() {
        return parsed() ? field(LogFormat.CONTENT) : raw;
    }
}
