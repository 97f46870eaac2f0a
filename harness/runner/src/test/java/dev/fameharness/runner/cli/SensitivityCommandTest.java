package dev.fameharness.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad sensitivity input exits 2 before anything runs, and leaves no results folder. */
class SensitivityCommandTest {

    @Test
    void should_exit_2_and_write_nothing_when_the_plan_names_an_unknown_profile_entry(@TempDir Path dir)
            throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                name: bad-plan
                experiment: experiments/sensitivity-base.yaml
                candidate: fame
                parameters:
                  - {kind: profile, name: warp, targets: [warp.drive], values: [1, 2]}
                """);

        int code = FameCli.execute("sensitivity", "--plan", plan.toString(), "--results", dir.resolve("r").toString());

        assertThat(code).isEqualTo(FameCli.BAD_INPUT);
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void should_exit_2_when_parallel_is_not_positive(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                name: p
                experiment: ../../experiments/sensitivity-base.yaml
                candidate: fame
                parameters:
                  - {kind: profile, name: sfn.transition, values: [5, 50]}
                """);

        int code = FameCli.execute("sensitivity", "--plan", plan.toString(), "--parallel", "0", "--results",
                dir.resolve("r").toString());

        assertThat(code).isEqualTo(FameCli.BAD_INPUT);
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
