package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.runner.cli.CliRun;
import dev.fameharness.runner.cli.FameCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fame deploy PRESET} and {@code fame destroy} at the command line, against {@link FakeCloudFormation}. */
class CloudCliTest {

    @TempDir
    Path dir;
    private FakeCloudFormation fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCloudFormation();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static CliRun fame(String... args) {
        return CliRun.of(args);
    }

    @Test
    void should_refuse_with_exit_2_and_send_nothing_when_the_estimate_is_above_max_usd() throws Exception {
        Path jar = Files.writeString(dir.resolve("fame-aws-0.1.0-SNAPSHOT-lambda.jar"), "jar");

        CliRun r = fame("deploy", "fame-redis", "--stack", "guarded", "--endpoint", fake.endpoint().toString(),
                "--artifact", jar.toString(), "--max-usd", "0.5", "--yes");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--max-usd 0.500000").contains("nothing was started");
        assertThat(r.out()).contains("estimated cost of stack guarded (preset fame-redis) standing 24 h").contains("redis.gb_hour");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void should_name_the_missing_jar_and_the_command_that_builds_it() {
        CliRun r = fame("deploy", "fame", "--stack", "nojar", "--endpoint", fake.endpoint().toString(), "--yes");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("fame-aws-<version>-lambda.jar").contains(LambdaArtifact.BUILD_COMMAND);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void should_say_an_absent_stack_has_nothing_to_remove_and_exit_ok() {
        CliRun r = fame("destroy", "--stack", "gone", "--endpoint", fake.endpoint().toString(), "--yes");

        assertThat(r.exit()).isEqualTo(FameCli.OK);
        assertThat(r.out()).contains("stack gone does not exist in").contains("nothing to remove");
        assertThat(fake.requests()).extracting(q -> q.get("Action")).containsOnly("DescribeStacks");
    }

    @Test
    void should_ask_for_yes_without_a_terminal_and_keep_the_stack() {
        fake.seed("kept", "CREATE_COMPLETE");

        CliRun r = fame("destroy", "--stack", "kept", "--endpoint", fake.endpoint().toString());

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("--yes");
        assertThat(fake.requests("DeleteStack")).isEmpty();
        assertThat(fake.stack("kept")).isPresent();
    }

    @Test
    void should_exit_bad_input_naming_the_endpoint_when_nothing_answers_there() throws Exception {
        String closed = fake.endpoint().toString();
        fake.close();

        CliRun r = fame("destroy", "--stack", "any", "--endpoint", closed, "--yes");

        assertThat(r.exit()).isEqualTo(FameCli.BAD_INPUT);
        assertThat(r.err()).contains("cannot call AWS in").contains(closed).contains("--endpoint");
    }
}
