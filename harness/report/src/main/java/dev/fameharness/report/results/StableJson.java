package dev.fameharness.report.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one JSON layout of the result files (summary.json, claims.json, benchmark.json): keys in the order they were
 * put, two-space indent, LF line ends, decimals written plainly (never in exponent form) and a final newline, so
 * that a file diffs cleanly between runs.
 */
public final class StableJson {

    /** Builds the nodes: decimals kept exact, as {@code Numbers.decimal} rounds them. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** What writes one file's content. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private StableJson() {
    }

    /** Writes {@code root} in the layout to {@code out} and flushes it. */
    public static void write(JsonNode root, Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(printer).writeValue(out, root);
        out.write("\n");
        out.flush();
    }

    /** Writes file {@code name} into {@code dir} (UTF-8) with {@code body}; returns its path. */
    public static Path writeFile(Path dir, String name, Body body) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.writeTo(w);
        }
        return file;
    }
}
