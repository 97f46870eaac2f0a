package dev.fameharness.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.charts.ReportCharts;
import dev.fameharness.runner.engine.PresetRun;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small experiment (quick sessions, fame and stateless-payload, one seed) written by the runner into a
 * temporary results root: every output is there, complete, and consistent with the workload.
 */
class ExperimentRunnerIT {

    private static final String RUN_ID = "it-run";
    private static final String YAML = """
            name: tiny
            size: quick
            presets: [fame, stateless-payload]
            baseline: stateless-payload
            seeds: [42]
            """;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path results;

    private static PresetCatalog catalog;
    private static ExperimentRunner.Outcome outcome;
    private static Path runDir;
    private static int workloadTurns;

    @BeforeAll
    static void runTinyExperiment() {
        catalog = PresetCatalog.discover();
        Experiment e = Experiment.parse("tiny.yaml", YAML.getBytes(StandardCharsets.UTF_8), catalog);
        outcome = ExperimentRunner.run(e, results, RUN_ID, m -> { });
        runDir = outcome.runDir();
        try (var papers = dev.fameharness.runner.engine.TestScenarios.papers()) {
            workloadTurns = papers.workload("quick", 42).turns().size();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void should_write_every_output_into_the_run_folder_when_experiment_completes() throws IOException {
        assertThat(runDir).isEqualTo(results.resolve("tiny").resolve(RUN_ID)).isDirectory();
        for (String name : List.of("turns.csv", "summary.json", "summary.md", "run.json")) {
            assertThat(runDir.resolve(name)).as(name).isRegularFile().isNotEmptyFile();
        }
        for (String chart : List.of(ReportCharts.LATENCY, ReportCharts.TOKENS, ReportCharts.COST,
                ReportCharts.COMPLETION)) {
            Path png = runDir.resolve(chart);
            assertThat(png).as(chart).isRegularFile();
            byte[] head = new byte[PNG_MAGIC.length];
            try (InputStream in = Files.newInputStream(png)) {
                assertThat(in.read(head)).isEqualTo(PNG_MAGIC.length);
            }
            assertThat(head).as("PNG signature of %s", chart).isEqualTo(PNG_MAGIC);
        }
        assertThat(list(runDir.resolve("events"))).extracting(p -> p.getFileName().toString())
                .containsExactly("fame-seed42.jsonl.gz", "stateless-payload-seed42.jsonl.gz");
    }

    @Test
    void should_leave_no_partial_folder_when_experiment_completes() throws IOException {
        List<Path> experimentDir = list(results.resolve("tiny"));

        assertThat(experimentDir).containsExactly(runDir);
        try (Stream<Path> all = Files.walk(results)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial"));
        }
    }

    @Test
    void should_count_every_workload_turn_per_preset_when_summarizing() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        List<String> presets = new ArrayList<>();

        assertThat(workloadTurns).isPositive();
        for (JsonNode p : summary.get("presets")) {
            presets.add(p.get("preset").asText());
            assertThat(p.get("turns").asInt()).as("turns of %s", p.get("preset")).isEqualTo(workloadTurns);
            PresetRun run = outcome.runs().stream().filter(r -> r.preset().name().equals(p.get("preset").asText()))
                    .findFirst().orElseThrow();
            assertThat(p.get("completed").asLong()).as("completed of %s", p.get("preset")).isEqualTo(run.completed());
        }
        assertThat(presets).containsExactly("fame", "stateless-payload");
        List<String> rows = Files.readAllLines(runDir.resolve("turns.csv"), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(1 + 2 * workloadTurns);
    }

    @Test
    void should_write_each_preset_event_stream_exactly_when_compressing_it() throws IOException {
        for (PresetRun run : outcome.runs()) {
            StringWriter expected = new StringWriter();
            run.events().writeJsonLines(expected);
            Path file = runDir.resolve("events").resolve(run.preset().name() + "-seed42.jsonl.gz");
            String written;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(written).as("events of %s", run.preset().name()).isNotEmpty().isEqualTo(expected.toString());
        }
    }

    @Test
    void should_describe_what_was_run_when_writing_run_json() throws IOException {
        JsonNode info = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());

        assertThat(info.get("experiment").asText()).isEqualTo("tiny");
        assertThat(info.get("runId").asText()).isEqualTo(RUN_ID);
        assertThat(info.get("size").asText()).isEqualTo("quick");
        assertThat(info.get("seeds")).hasSize(1);
        assertThat(info.get("seeds").get(0).asLong()).isEqualTo(42);
        assertThat(info.get("presets").has("fame")).isTrue();
        assertThat(info.get("presets").has("stateless-payload")).isTrue();
        assertThat(info.get("modeled").asText()).isNotBlank();
        assertThat(info.get("measured").asText()).isNotBlank();
    }

    @Test
    void should_leave_no_folder_at_all_when_the_run_fails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String yaml = "name: doomed\npresets: [fame]\nendpoints: {dynamodb: 'http://127.0.0.1:" + port + "'}\n";
        Experiment e = Experiment.parse("doomed.yaml", yaml.getBytes(StandardCharsets.UTF_8), catalog);

        assertThatThrownBy(() -> ExperimentRunner.run(e, results, RUN_ID, m -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpoints.dynamodb");
        assertThat(results.resolve("doomed")).satisfiesAnyOf(
                d -> assertThat(d).doesNotExist(),
                d -> assertThat(list(d)).isEmpty());
    }
}
