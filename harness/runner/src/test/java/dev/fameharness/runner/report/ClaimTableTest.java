package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.claims.ClaimStatistics;
import dev.fameharness.report.claims.ClaimsJsonWriter;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.stats.ClusterBootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim section REPORT.md shows, rendered from a claims.json of hand-made turns. */
class ClaimTableTest {

    private static TurnRecord turn(String preset, int session, int t, String task, long latency, long tokens) {
        return new TurnRecord(preset, 1, "s" + session, "s" + session + "/t" + t, task, 0, 0, latency,
                TurnRecord.COMPLETED, "", "", 0, 0, tokens, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.2,
                new TreeMap<>(Map.of("llm.input_tokens", (double) tokens)));
    }

    @Test
    void should_give_each_claim_the_verdict_of_the_written_rule_when_rendered(@TempDir Path run) throws Exception {
        // fame: 20x faster on follow-ups, 2x on summaries; a tenth of the tokens; equal completion
        List<TurnRecord> turns = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            for (int t = 0; t < 4; t++) {
                String task = t % 2 == 0 ? "follow_up" : "summarize_paper";
                long base = 10_000_000L + 1_000_000L * ((s * 7 + t * 3) % 5);
                turns.add(turn("stateless-payload", s, t, task, base, 10_000));
                turns.add(turn("fame", s, t, task, task.equals("follow_up") ? base / 20 : base / 2, 1_000));
            }
        }
        ClaimsJsonWriter.write(ClaimStatistics.compute(turns, CostModel.withDefaultPrices(),
                List.of(new PresetPair("fame", "stateless-payload")), new ClusterBootstrap(300, 0.95, 3)), run);
        StringBuilder md = new StringBuilder();

        ClaimTable.of(run, "fame", "stateless-payload").orElseThrow().claims(md);

        String text = md.toString();
        assertThat(line(text, "| latency (\"up to\")")).contains("`follow_up`").contains("20.00x lower").endsWith("| holds |");
        assertThat(line(text, "| LLM input tokens")).contains("90.0% fewer").endsWith("| holds |");
        assertThat(line(text, "| completion")).endsWith("| does not hold |");
        assertThat(line(text, "| answer quality")).endsWith("| holds |");
        assertThat(text).contains("**holds** when the interval lies below 1 and reaches F");
        assertThat(text).contains("| follow_up | 0.050 [0.050, 0.050]");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line starting with " + prefix + " in\n" + text));
    }
}
