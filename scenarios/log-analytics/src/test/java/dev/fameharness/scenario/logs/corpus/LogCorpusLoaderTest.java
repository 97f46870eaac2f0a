package dev.fameharness.scenario.logs.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, verifying and parsing the log folder; every bad input gets an error naming the path. */
class LogCorpusLoaderTest {

    private static final Path SHARED = LogCorpusLoader.locate(java.util.Map.of(), null, Path.of(""));

    @Test
    void should_load_every_system_of_the_shared_folder_with_its_ground_truth_and_a_time_layout() {
        LogCorpus corpus = LogCorpusLoader.load(SHARED);

        assertThat(corpus.systems()).hasSizeGreaterThanOrEqualTo(12);
        for (LogSystem s : corpus.systems()) {
            assertThat(s.lines()).as(s.name()).hasSize(s.truth().orElseThrow().rows().size());
            assertThat(s.timeLayout()).as("time layout of %s", s.name()).isPresent();
            assertThat(s.lines().stream().filter(LogLine::parsed).filter(l -> l.time().isEmpty()).count())
                    .as("parsed lines of %s without a time", s.name()).isZero();
            // The raw lines split as the benchmark's structured CSV splits them.
            var rows = s.truth().get().rows();
            for (int i = 0; i < rows.size(); i += 97) {
                assertThat(s.lines().get(i).content().strip()).as("%s line %d", s.name(), i + 1)
                        .isEqualTo(rows.get(i).column("Content").strip());
            }
        }
    }

    @Test
    void should_keep_and_count_lines_that_do_not_match_the_format(@TempDir Path dir) throws IOException {
        Path sys = Files.createDirectories(dir.resolve("Tiny"));
        Files.writeString(sys.resolve(LogCorpusLoader.FORMAT_FILE), "<Date> <Time> <Level> <Component>: <Content>");
        Files.writeString(sys.resolve("tiny.log"), "2024-01-02 03:04:05,006 INFO a.B: started\n"
                + "    at some.stack.Frame(Frame.java:1)\n2024-01-02 03:05:00,000 ERROR a.B: failed x=3\n");

        LogSystem s = LogCorpusLoader.load(dir).system("Tiny").orElseThrow();

        assertThat(s.lines()).hasSize(3);
        assertThat(s.unparsedLines()).isEqualTo(1);
        assertThat(s.lines().get(1).parsed()).isFalse();
        assertThat(s.lines().get(1).content()).isEqualTo("    at some.stack.Frame(Frame.java:1)");
        assertThat(s.lines().get(2).field("Level")).isEqualTo("ERROR");
        assertThat(s.lines().get(2).time()).contains(java.time.LocalDateTime.of(2024, 1, 2, 3, 5));
        assertThat(s.truth()).isEmpty();
    }

    @Test
    void should_name_the_folder_when_it_is_missing(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> LogCorpusLoader.load(missing)).isInstanceOf(LogCorpusException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("--corpus");
    }

    @Test
    void should_name_file_and_both_checksums_when_a_log_is_corrupted(@TempDir Path dir) throws Exception {
        Path log = copySystem(dir, "Apache");
        byte[] bytes = Files.readAllBytes(log);
        bytes[100] = (byte) (bytes[100] == 'x' ? 'y' : 'x');
        Files.write(log, bytes);

        assertThatThrownBy(() -> LogCorpusLoader.load(dir)).isInstanceOf(LogCorpusException.class)
                .hasMessageContaining("Checksum mismatch for " + log).hasMessageContaining("actual " + sha(bytes));
    }

    @Test
    void should_name_the_listed_file_when_it_is_missing(@TempDir Path dir) throws Exception {
        Path log = copySystem(dir, "Apache");
        Files.delete(log.resolveSibling("Apache_2k.log_templates.csv"));

        assertThatThrownBy(() -> LogCorpusLoader.load(dir)).isInstanceOf(LogCorpusException.class)
                .hasMessageContaining("Apache_2k.log_templates.csv").hasMessageContaining("is missing");
    }

    @Test
    void should_name_the_manifest_when_a_format_string_is_malformed(@TempDir Path dir) throws Exception {
        copySystem(dir, "Apache");
        Path manifest = dir.resolve(LogCorpusLoader.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\\\\[<Level>\\\\]", "\\\\[<Lev el>\\\\]"));

        assertThatThrownBy(() -> LogCorpusLoader.load(dir)).isInstanceOf(LogCorpusException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("log_format")
                .hasMessageContaining("malformed");
    }

    @Test
    void should_name_the_manifest_when_it_is_not_json(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(LogCorpusLoader.MANIFEST), "[{\"system\": ");

        assertThatThrownBy(() -> LogCorpusLoader.load(dir)).isInstanceOf(LogCorpusException.class)
                .hasMessageContaining(LogCorpusLoader.MANIFEST).hasMessageContaining("not valid JSON");
    }

    /** Copies one system and a manifest listing only it (the shared data is never written to). */
    private static Path copySystem(Path dir, String system) throws IOException {
        Path to = Files.createDirectories(dir.resolve(system));
        try (var files = Files.list(SHARED.resolve(system))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var all = json.readTree(SHARED.resolve(LogCorpusLoader.MANIFEST).toFile());
        var only = json.createArrayNode();
        all.forEach(e -> {
            if (e.path("system").asText().equals(system)) {
                only.add(e);
            }
        });
        Files.writeString(dir.resolve(LogCorpusLoader.MANIFEST), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(only), StandardCharsets.UTF_8);
        return to.resolve(system + "_2k.log");
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
