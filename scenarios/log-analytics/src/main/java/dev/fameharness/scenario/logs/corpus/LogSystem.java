package dev.fameharness.scenario.logs.corpus;

import java.util.List;
import java.util.Optional;

/**
 * One system's log: its raw bytes and lines, its line format and time layout, and its ground truth when the
 * folder has one.
 *
 * @param name        the system's name, e.g. {@code HDFS}
 * @param description one line
 * @param format      the line format
 * @param timeLayout  how its lines write time; empty when no known layout reads them (no time questions then)
 * @param raw         the raw file as read (verified against the manifest)
 * @param lines       every line, parsed or not
 * @param truth       the structured ground truth, when present
 */
public record LogSystem(String name, String description, LogFormat format, Optional<LogTimes.Layout> timeLayout,
                        String raw, List<LogLine> lines, Optional<GroundTruth> truth) {

    public LogSystem {
        lines = List.copyOf(lines);
    }

    /** Lines that did not match the format. */
    public long unparsedLines() {
        return lines.stream().filter(l -> !l.parsed()).count();
    }

    public int bytes() {
        return raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
