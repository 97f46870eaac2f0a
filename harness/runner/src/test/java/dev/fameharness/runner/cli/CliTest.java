package dev.fameharness.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages for help, listing and bad input; nothing here starts a server. */
class CliTest {

    private static CliRun fame(String... args) {
        return CliRun.of(args);
    }

    @Test
    void should_print_usage_with_every_command_and_exit_ok_when_asked_for_help() {
        CliRun r = fame("--help");

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        assertThat(r.out()).contains("Usage: fame").contains("run").contains("presets");
    }

    @Test
    void should_print_run_usage_and_exit_ok_when_asked_for_run_help() {
        CliRun r = fame("run", "--help");

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        assertThat(r.out()).contains("Usage: fame run").contains("--seed").contains("--experiment").contains("--preset");
    }

    @Test
    void should_exit_bad_input_naming_the_preset_when_preset_is_unknown() {
        CliRun r = fame("run", "--preset", "fame-turbo");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("fame-turbo").contains("known presets").contains("stateless-payload");
    }

    @Test
    void should_exit_bad_input_naming_the_known_scenarios_when_scenario_is_unknown() {
        CliRun r = fame("run", "--scenario", "stock-trading");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("unknown scenario 'stock-trading'").contains("paper-summarization");
    }

    @Test
    void should_exit_bad_input_naming_the_path_when_experiment_file_is_missing(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");

        CliRun r = fame("run", "--experiment", missing.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString());
    }

    @Test
    void should_exit_bad_input_naming_file_line_and_field_when_experiment_file_is_invalid(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "name: bad\npresets: [fame]\nclock: sundial\n");

        CliRun r = fame("run", "--experiment", file.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains(file + ":3:").contains("'clock'");
    }

    @Test
    void should_exit_bad_input_when_size_override_is_unknown(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "name: ok\npresets: [fame]\n");

        CliRun r = fame("run", "--experiment", file.toString(), "--size", "huge", "--results", dir.toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--size").contains("huge");
        assertThat(dir.resolve("ok")).doesNotExist();
    }

    @Test
    void should_exit_bad_input_before_running_when_seed_or_preset_overrides_repeat_or_are_negative(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "name: ok\npresets: [stateless-payload]\n");

        CliRun twice = fame("run", "--experiment", file.toString(), "--seeds", "1,1", "--results", dir.toString());
        CliRun negative = fame("run", "--experiment", file.toString(), "--seeds", "2,-3", "--results", dir.toString());
        CliRun presetTwice = fame("run", "--experiment", file.toString(), "--preset", "fame,fame",
                "--results", dir.toString());

        assertThat(twice.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(twice.err()).contains("--seeds").contains("[1, 1]");
        assertThat(negative.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(negative.err()).contains("--seeds").contains("[2, -3]");
        assertThat(presetTwice.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(presetTwice.err()).contains("--preset").contains("fame");
        assertThat(dir.resolve("ok")).doesNotExist();
    }

    @Test
    void should_exit_bad_input_when_option_is_unknown() {
        CliRun r = fame("run", "--turbo");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--turbo");
    }

    @Test
    void should_list_every_preset_with_its_description_when_asked_for_presets() {
        CliRun r = fame("presets");

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("fame ").contains("FAME"))
                .anySatisfy(l -> assertThat(l).startsWith("stateless-payload "))
                .anySatisfy(l -> assertThat(l).startsWith("oracle "));
    }
}
