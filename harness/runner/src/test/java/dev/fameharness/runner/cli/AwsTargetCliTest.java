package dev.fameharness.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fame run --target aws}: its options are refused where they cannot apply, with exit code 2. */
class AwsTargetCliTest {

    @TempDir
    Path dir;

    private static CliRun fame(String... args) {
        return CliRun.of(args);
    }

    private Path experiment() throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"),
                "name: tiny\nsize: quick\npresets: [stateless-payload]\nseeds: [1, 2]\n");
    }

    @Test
    void should_refuse_aws_options_without_target_aws_and_an_unknown_target() throws IOException {
        CliRun stack = fame("run", "-e", experiment().toString(), "--stack", "s1", "--results", dir.toString());
        CliRun mars = fame("run", "-e", experiment().toString(), "--target", "mars", "--results", dir.toString());

        assertThat(stack.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(stack.err()).contains("--target aws");
        assertThat(mars.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(mars.err()).contains("--target").contains("mars");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }

    @Test
    void should_refuse_a_run_on_aws_without_an_experiment_a_stack_or_with_several_seeds() throws IOException {
        CliRun noFile = fame("run", "--target", "aws", "--stack", "s1", "--region", "us-east-1");
        CliRun noStack = fame("run", "--target", "aws", "-e", experiment().toString(), "--region", "us-east-1");
        CliRun clock = fame("run", "--target", "aws", "-e", experiment().toString(), "--stack", "s1", "--clock", "wall",
                "--region", "us-east-1");
        CliRun seeds = fame("run", "--target", "aws", "-e", experiment().toString(), "--stack", "s1",
                "--region", "us-east-1", "--results", dir.toString());

        assertThat(noFile.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(noFile.err()).contains("-e FILE");
        assertThat(noStack.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(noStack.err()).contains("--stack NAME");
        assertThat(clock.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(clock.err()).contains("--clock");
        assertThat(seeds.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(seeds.err()).contains("--seeds N").contains("[1, 2]");
        assertThat(dir.resolve("tiny")).doesNotExist();
    }
}
