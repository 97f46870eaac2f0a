package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualitySectionTest {

    @Test
    void should_list_completion_reasons_correctness_per_task_and_flag_a_task_worse_beyond_its_interval(
            @TempDir Path run) throws Exception {
        Files.writeString(run.resolve("turns.csv"), String.join("\r\n",
                "preset,task,status,failure_reason,correct,rouge_l",
                "fame,summarize_paper,completed,,1,0.2",
                "fame,implicit_follow_up,completed,,1,0.1",
                "stateless,summarize_paper,completed,,1,0.3",
                "stateless,implicit_follow_up,failed,missing-context,0,0", ""));
        Files.writeString(run.resolve("claims.json"), """
                {"comparisons":[{"candidate":"fame","baseline":"stateless","metrics":{
                  "correct_difference":{"by_task":{"implicit_follow_up":{"value":1,"low":1,"high":1},
                                                   "summarize_paper":{"value":0,"low":0,"high":0}}},
                  "rouge_l_difference":{"by_task":{"summarize_paper":{"value":-0.1,"low":-0.12,"high":-0.08}}}}}]}
                """);
        StringBuilder md = new StringBuilder();

        QualitySection.write(md, run, "fame", List.of("stateless"));

        assertThat(md.toString())
                .contains("| stateless | 2 | 50.0% | missing-context=1 | 50.0% |")
                .contains("| fame | 2 | 100.0% | - | 100.0% |")
                .contains("| fame | 100% / 0.100 | 100% / 0.200 |")
                .contains("| implicit_follow_up | +100.0 [+100.0, +100.0] | - |")
                .contains("-0.1000 [-0.1200, -0.0800] **worse**")
                .contains("Worse beyond the interval: summarize_paper. Why:");
    }
}
