package dev.fameharness.report.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link RunResults} in one format. Output depends only on the results: numbers are formatted with
 * {@link java.util.Locale#ROOT} and never in scientific notation, lines end as the format specifies, no
 * timestamps.
 */
public interface ResultFormat {

    void write(RunResults results, Writer out) throws IOException;

    /** The writer of {@code type}. */
    static ResultFormat of(ResultFormatType type) {
        switch (type) {
            case CSV:
                return new PerTurnCsvWriter();
            case JSON:
                return new SummaryJsonWriter();
            case MARKDOWN:
                return new MarkdownTableWriter();
            default:
                throw new IllegalArgumentException("unknown result format " + type);
        }
    }

    /** Writes every format into {@code dir} (created if needed) as UTF-8; returns the files written. */
    static List<Path> writeAll(RunResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ResultFormatType type : ResultFormatType.values()) {
            Path file = dir.resolve(type.fileName());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                of(type).write(results, w);
            }
            written.add(file);
        }
        return List.copyOf(written);
    }
}
