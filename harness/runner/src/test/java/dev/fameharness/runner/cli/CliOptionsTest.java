package dev.fameharness.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every option the help lists either changes what runs or is refused with exit 2 (issue 12, point 8). The
 * plans are checked without running sessions; refusals go through the whole command line and must leave no
 * results behind.
 */
class CliOptionsTest {

    private static PresetCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void catalog() {
        catalog = PresetCatalog.discover();
    }

    private static CliRun fame(String... args) {
        return CliRun.of(args);
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private Path experiment(String size) throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"),
                "name: tiny\nsize: " + size + "\npresets: [stateless-payload]\nseeds: [1, 2]\n");
    }

    // --- run -e FILE: --corpus, --seed, --clock and --quiet apply to the experiment ---

    @Test
    void should_apply_corpus_seed_clock_and_quiet_to_the_experiment_when_run_with_e() throws IOException {
        Path file = experiment("quick");

        RunCommand.Plan plan = parse(new RunCommand(), "-e", file.toString(), "--corpus", "/data/papers", "--seed", "7",
                "--clock", "wall", "--quiet").plan(catalog);

        assertThat(plan.experiment()).isPresent();
        assertThat(plan.experiment().get().corpus()).contains(Path.of("/data/papers"));
        assertThat(plan.experiment().get().seeds()).containsExactly(7L);
        assertThat(plan.experiment().get().clock()).isEqualTo("wall");
        assertThat(plan.quiet()).isTrue();
    }

    @Test
    void should_keep_the_experiments_own_settings_when_run_with_e_and_no_overrides() throws IOException {
        RunCommand.Plan plan = parse(new RunCommand(), "-e", experiment("quick").toString()).plan(catalog);

        assertThat(plan.experiment().get().seeds()).containsExactly(1L, 2L);
        assertThat(plan.experiment().get().clock()).isEqualTo("virtual");
        assertThat(plan.experiment().get().corpus()).isEmpty();
        assertThat(plan.quiet()).isFalse();
    }

    @Test
    void should_exit_bad_input_naming_the_clock_when_run_with_e_and_an_unknown_clock() throws IOException {
        CliRun r = fame("run", "-e", experiment("quick").toString(), "--clock", "sundial", "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--clock").contains("sundial").contains("virtual");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }

    @Test
    void should_read_the_named_corpus_when_run_with_e_and_corpus() throws IOException {
        Path missing = dir.resolve("no-corpus");

        CliRun r = fame("run", "-e", experiment("quick").toString(), "--corpus", missing.toString(),
                "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString()).contains("does not exist");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }

    // --- run without -e ---

    @Test
    void should_run_every_seed_when_run_with_seeds_and_no_experiment() {
        RunCommand.Plan plan = parse(new RunCommand(), "--seeds", "1,2,3", "--preset", "fame").plan(catalog);

        assertThat(plan.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(plan.presets()).extracting(p -> p.name()).containsExactly("fame");
    }

    @Test
    void should_use_one_seed_and_the_corpus_when_run_with_seed_and_corpus() {
        RunCommand.Plan plan = parse(new RunCommand(), "--seed", "9", "--corpus", "/data/papers", "--clock", "wall")
                .plan(catalog);

        assertThat(plan.seeds()).containsExactly(9L);
        assertThat(plan.corpus()).contains(Path.of("/data/papers"));
        assertThat(plan.clock()).isEqualTo("wall");
        assertThat(plan.experiment()).isEmpty();
    }

    @Test
    void should_exit_bad_input_when_run_gets_both_seed_and_seeds() {
        CliRun r = fame("run", "--seed", "5", "--seeds", "1,2");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--seed and --seeds");
    }

    @Test
    void should_exit_bad_input_when_run_without_experiment_gets_results_or_run_id() {
        CliRun results = fame("run", "--results", dir.toString());
        CliRun runId = fame("run", "--run-id", "mine");

        assertThat(results.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(results.err()).contains("--results").contains("-e");
        assertThat(runId.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(runId.err()).contains("--run-id").contains("-e");
    }

    @Test
    void should_exit_bad_input_naming_the_folder_when_run_without_experiment_gets_a_missing_corpus() {
        Path missing = dir.resolve("nowhere");

        CliRun r = fame("run", "--corpus", missing.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString());
    }

    @Test
    void should_exit_bad_input_when_run_without_experiment_gets_a_bad_run_option() {
        assertThat(fame("run", "--size", "huge").err()).contains("--size").contains("huge");
        assertThat(fame("run", "--clock", "sundial").exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(fame("run", "--preset", "fame,fame").err()).contains("twice");
    }

    // --- reproduce: --corpus, and the reference results are never replaced by a variant ---

    @Test
    void should_write_reference_and_report_when_reproduce_runs_the_experiment_as_filed() throws IOException {
        ReproduceCommand.Plan plan = parse(new ReproduceCommand(), "-e", experiment("default").toString()).plan(catalog);

        assertThat(plan.variant()).isFalse();
        assertThat(plan.runId()).isEqualTo("reference");
        assertThat(plan.report()).contains(Path.of("REPORT.md"));
    }

    @Test
    void should_write_its_own_run_id_and_no_report_when_reproduce_gets_a_smaller_size() throws IOException {
        ReproduceCommand.Plan plan = parse(new ReproduceCommand(), "-e", experiment("default").toString(),
                "--size", "quick").plan(catalog);

        assertThat(plan.variant()).isTrue();
        assertThat(plan.runId()).startsWith("quick-").isNotEqualTo("reference");
        assertThat(plan.report()).isEmpty();
        assertThat(plan.experiment().size()).isEqualTo("quick");
    }

    @Test
    void should_treat_seeds_presets_and_corpus_as_variants_when_reproducing() throws IOException {
        Path file = experiment("default");

        assertThat(parse(new ReproduceCommand(), "-e", file.toString(), "--seeds", "3").plan(catalog).runId())
                .isNotEqualTo("reference");
        assertThat(parse(new ReproduceCommand(), "-e", file.toString(), "--preset", "fame").plan(catalog).runId())
                .isNotEqualTo("reference");
        ReproduceCommand.Plan corpus = parse(new ReproduceCommand(), "-e", file.toString(), "--corpus", "/data/papers")
                .plan(catalog);
        assertThat(corpus.runId()).isNotEqualTo("reference");
        assertThat(corpus.experiment().corpus()).contains(Path.of("/data/papers"));
    }

    @Test
    void should_allow_reference_when_reproduce_names_the_reference_size_and_run_id_explicitly() throws IOException {
        ReproduceCommand.Plan plan = parse(new ReproduceCommand(), "-e", experiment("default").toString(),
                "--size", "default", "--seeds", "1,2", "--run-id", "reference").plan(catalog);

        assertThat(plan.variant()).isFalse();
        assertThat(plan.runId()).isEqualTo("reference");
    }

    @Test
    void should_exit_bad_input_and_write_nothing_when_reproduce_variant_asks_for_reference_or_report()
            throws IOException {
        Path file = experiment("default");
        Path report = dir.resolve("R.md");

        CliRun reference = fame("reproduce", "-e", file.toString(), "--size", "quick", "--run-id", "reference",
                "--results", dir.toString());
        CliRun withReport = fame("reproduce", "-e", file.toString(), "--seeds", "9", "--report", report.toString(),
                "--results", dir.toString());

        assertThat(reference.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(reference.err()).contains("--run-id reference").contains("size default");
        assertThat(withReport.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(withReport.err()).contains("--report");
        assertThat(dir.resolve("tiny")).doesNotExist();
        assertThat(report).doesNotExist();
    }

    @Test
    void should_exit_bad_input_naming_the_folder_when_reproduce_gets_a_missing_corpus() throws IOException {
        Path missing = dir.resolve("nowhere");

        CliRun r = fame("reproduce", "-e", experiment("quick").toString(), "--corpus", missing.toString(),
                "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString());
        assertThat(dir.resolve("tiny").resolve("reference")).doesNotExist();
    }

    // --- sweep: --corpus, and decimals are never truncated ---

    @Test
    void should_exit_bad_input_before_running_when_sweep_values_are_not_whole_for_a_whole_number_field()
            throws IOException {
        CliRun r = fame("sweep", "-e", experiment("quick").toString(), "--param", "offload_threshold_bytes",
                "--values", "1.5,2", "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("offload_threshold_bytes").contains("whole number").contains("1.5");
        assertThat(dir.resolve("sweeps")).doesNotExist();
    }

    @Test
    void should_keep_decimals_whole_numbers_and_booleans_when_sweep_parses_values() {
        assertThat(SweepCommand.parseScalar("0.25")).isEqualTo(0.25);
        assertThat(SweepCommand.parseScalar("4096")).isEqualTo(4096L);
        assertThat(SweepCommand.parseScalar("true")).isEqualTo(true);
        assertThat(SweepCommand.parseScalar("redis")).isEqualTo("redis");
    }

    @Test
    void should_exit_bad_input_naming_the_folder_when_sweep_gets_a_missing_corpus() throws IOException {
        Path missing = dir.resolve("nowhere");

        CliRun r = fame("sweep", "-e", experiment("quick").toString(), "--param", "function_memory_mb",
                "--values", "512,1024", "--corpus", missing.toString(), "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString());
    }

    @Test
    void should_refuse_a_decimal_where_a_preset_needs_a_whole_number() {
        var preset = catalog.get("fame");

        assertThatThrownBy(() -> preset.with(java.util.Map.of("function_memory_mb", 512.5), "test"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("function_memory_mb").hasMessageContaining("512.5");
        assertThat(preset.with(java.util.Map.of("function_memory_mb", 512.0), "test").functionMemoryMb()).isEqualTo(512);
    }

    // --- --resume: only where an endpoint keeps state between runs ---

    @Test
    void should_exit_bad_input_when_resume_is_asked_without_endpoints() throws IOException {
        CliRun withExperiment = fame("run", "-e", experiment("quick").toString(), "--resume", "--results", dir.toString());
        CliRun without = fame("run", "--resume");

        assertThat(withExperiment.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(withExperiment.err()).contains("--resume").contains("endpoints");
        assertThat(without.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(without.err()).contains("--resume");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }

    @Test
    void should_resume_when_the_experiment_has_endpoints() throws IOException {
        Path file = Files.writeString(dir.resolve("ep.yaml"), "name: ep\npresets: [fame]\n"
                + "endpoints: {dynamodb: http://127.0.0.1:8000}\n");

        RunCommand run = parse(new RunCommand(), "-e", file.toString(), "--resume");

        assertThat(run.experimentOptions.resume(run.plan(catalog).experiment().get())).isTrue();
    }

    // --- --record: only a real model's exchanges ---

    @Test
    void should_exit_bad_input_when_record_is_asked_for_a_simulated_model() throws IOException {
        CliRun r = fame("run", "-e", experiment("quick").toString(), "--record", dir.resolve("rec").toString(),
                "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--record").contains("simulated").contains("model: openai");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }

    @Test
    void should_pass_the_record_folder_to_the_model_when_the_experiment_uses_openai() throws IOException {
        Path file = Files.writeString(dir.resolve("oa.yaml"), "name: oa\npresets: [fame]\nmodel: openai\n");

        RunCommand.Plan plan = parse(new RunCommand(), "-e", file.toString(), "--record", "/tmp/rec").plan(catalog);

        assertThat(plan.experiment().get().modelOptions()).containsEntry("record_dir", "/tmp/rec");
    }

    // --- deploy --synth ---

    @Test
    void should_write_the_presets_template_when_deploy_synth_names_a_preset() throws IOException {
        Path file = dir.resolve("t.json");

        CliRun r = fame("deploy", "--synth", "fame", "--stack", "my-stack", "--run-id", "r1", "-o", file.toString());

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        assertThat(Files.readString(file)).contains("\"AWS::StepFunctions::StateMachine\"").contains("my-stack-planner")
                .contains("fame-fame-r1s1");
    }

    @Test
    void should_write_every_presets_template_when_deploy_synth_is_all() {
        CliRun r = fame("deploy", "--synth", "all", "--run-id", "r1", "-o", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        for (String preset : catalog.names()) {
            assertThat(dir.resolve("fame-" + preset + ".template.json")).isNotEmptyFile();
        }
    }

    @Test
    void should_exit_bad_input_when_deploy_lacks_synth_or_names_an_unknown_preset() {
        CliRun none = fame("deploy");
        CliRun unknown = fame("deploy", "--synth", "warp-drive", "-o", dir.resolve("x.json").toString());

        assertThat(none.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(none.err()).contains("--synth").contains("PRESET");
        assertThat(unknown.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(unknown.err()).contains("warp-drive");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    // --- scripts/fame rebuilds when sources are newer than its build ---

    @Test
    void should_report_stale_when_a_source_is_newer_than_the_last_build() throws Exception {
        Path root = dir.resolve("repo");
        Path target = Files.createDirectories(root.resolve("harness/runner/target/classes"));
        Path cp = Files.writeString(target.resolveSibling("classpath.txt"), "");
        Path src = Files.createDirectories(root.resolve("harness/api/src/main/java")).resolve("A.java");
        Files.writeString(src, "class A {}");
        Path stamp = target.resolveSibling(".fame-built");

        assertThat(stale(root)).as("never built").isTrue();
        Files.writeString(stamp, "");
        Instant now = Instant.now();
        Files.setLastModifiedTime(src, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(cp, FileTime.from(now.minusSeconds(30)));
        Files.setLastModifiedTime(stamp, FileTime.from(now.minusSeconds(30)));
        assertThat(stale(root)).as("built after the last edit").isFalse();
        Files.setLastModifiedTime(src, FileTime.from(now));
        assertThat(stale(root)).as("edited after the build").isTrue();
    }

    private static boolean stale(Path root) throws Exception {
        Path script = Path.of("").toAbsolutePath();
        while (!Files.exists(script.resolve("scripts/fame-stale.sh"))) {
            script = script.getParent();
        }
        Process p = new ProcessBuilder("bash", script.resolve("scripts/fame-stale.sh").toString(), root.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0;
    }

    @Test
    void should_list_the_options_each_command_takes_in_its_help() {
        for (String command : List.of("run", "reproduce", "sweep")) {
            CliRun r = fame(command, "--help");
            assertThat(r.out()).as(command).contains("--corpus").contains("--seeds").contains("--size")
                    .contains("--quiet").contains("--results").contains("--run-id");
        }
        assertThat(Optional.of(fame("run", "--help").out())).get().asString().contains("--seed=").contains("--clock=");
    }
}
