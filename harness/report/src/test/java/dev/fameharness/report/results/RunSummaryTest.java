package dev.fameharness.report.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fameharness.report.SampleTurns;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.RunStorage;
import dev.fameharness.report.cost.Service;
import dev.fameharness.report.stats.Bootstrap;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private final CostModel costs = CostModel.withDefaultPrices();

    private static TurnRecord turn(String preset, String id, long latencyMs, boolean completed, long actorIn,
                                   double rougeL) {
        return new TurnRecord(preset, 7, "s", id, "t", 0, 0, latencyMs * 1000, completed ? "completed" : "failed",
                completed ? "" : "context-window", "", 100, 10, actorIn, 20, 50, 5, 3, 3, 1, 4, 2, 1, 1, 10,
                0.5, 0.2, rougeL, new TreeMap<>(Map.of("sfn.transitions", 4.0)));
    }

    @Test
    void should_summarise_completion_latency_tokens_and_rouge_when_some_turns_fail() {
        List<TurnRecord> turns = List.of(turn("a", "1", 100, true, 1000, 0.4), turn("a", "2", 300, true, 2000, 0.6),
                turn("a", "3", 900, false, 3000, 0), turn("a", "4", 200, true, 4000, 0.5));

        RunSummary s = RunSummary.compute("r", turns, costs,
                RunExtras.of(Map.of("a", RunStorage.redis(0, Duration.ofHours(1))), Map.of()), List.of(),
                Bootstrap.withSeed(1));
        PresetSummary a = s.preset("a").orElseThrow();

        assertThat(a.turns()).isEqualTo(4);
        assertThat(a.completed()).isEqualTo(3);
        assertThat(a.completionRate()).isEqualTo(0.75);
        assertThat(a.failuresByReason()).containsExactly(Map.entry("context-window", 1L));
        // latency over completed turns only: 100, 200, 300 ms
        assertThat(a.latencyMs().p50()).isEqualTo(200.0);
        assertThat(a.latencyMs().mean()).isEqualTo(200.0);
        // actor input 1000 + 2000 + 3000 + 4000 over all 4 turns
        assertThat(a.tokensByRole().get("actor").inputTotal()).isEqualTo(10_000);
        assertThat(a.tokensByRole().get("actor").inputMean()).isEqualTo(2500.0);
        assertThat(a.inputTokens()).isEqualTo(10_000 + 4 * 150);
        assertThat(a.rougeCompleted().rougeL()).isCloseTo(0.5, within(1e-12));
        assertThat(a.rougeAll().rougeL()).isCloseTo(0.375, within(1e-12));
        // 16 transitions x 0.000025 = 0.0004 usage; Redis 1 GB minimum x 1 h x 0.125 = 0.125 storage
        assertThat(a.usageCost().total()).isCloseTo(0.0004, within(1e-15));
        assertThat(a.storageCost().usd(Service.REDIS)).isCloseTo(0.125, within(1e-12));
        assertThat(a.totalCost().total()).isCloseTo(0.1254, within(1e-12));
        assertThat(a.cacheHits()).isEqualTo(4);
    }

    @Test
    void should_pair_turns_by_id_when_comparing_presets() {
        List<TurnRecord> turns = SampleTurns.random(3, 10);

        RunSummary s = RunSummary.compute("r", turns, costs, RunExtras.NONE,
                List.of(new PresetPair("fame", "monolithic")), Bootstrap.withSeed(5));
        Comparison c = s.comparisons().get(0);

        assertThat(c.pairs()).isEqualTo(10);
        assertThat(c.latencyPairs()).isLessThanOrEqualTo(10).isPositive();
        assertThat(c.inputTokensRatio()).isPresent();
        double fameIn = turns.stream().filter(t -> t.preset().equals("fame")).mapToLong(TurnRecord::inputTokens).sum();
        double monoIn = turns.stream().filter(t -> t.preset().equals("monolithic"))
                .mapToLong(TurnRecord::inputTokens).sum();
        assertThat(c.inputTokensRatio().orElseThrow().value()).isCloseTo(fameIn / monoIn, within(1e-12));
        assertThat(c.latencyTest().orElseThrow().pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void should_reject_a_comparison_when_a_preset_has_no_turns() {
        List<TurnRecord> turns = SampleTurns.random(3, 2);

        assertThatThrownBy(() -> RunSummary.compute("r", turns, costs, RunExtras.NONE,
                List.of(new PresetPair("fame", "oracle")), Bootstrap.withSeed(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    @Test
    void should_quote_fields_per_rfc4180_when_they_hold_commas_quotes_or_newlines() {
        assertThat(PerTurnCsvWriter.quote("plain")).isEqualTo("plain");
        assertThat(PerTurnCsvWriter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(PerTurnCsvWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PerTurnCsvWriter.quote("x\ny")).isEqualTo("\"x\ny\"");
    }

    @Test
    void should_write_one_row_per_turn_with_sorted_unit_columns_when_writing_csv() throws Exception {
        RunResults r = ResultFormatTest.sampleResults();
        StringWriter out = new StringWriter();

        new PerTurnCsvWriter().write(r, out);
        String header = out.toString().substring(0, out.toString().indexOf("\r\n"));
        List<String> cols = List.of(header.split(","));

        assertThat(cols.subList(0, PerTurnCsvWriter.FIXED_COLUMNS.size())).isEqualTo(PerTurnCsvWriter.FIXED_COLUMNS);
        List<String> unitCols = cols.subList(PerTurnCsvWriter.FIXED_COLUMNS.size(),
                PerTurnCsvWriter.FIXED_COLUMNS.size() + PerTurnCsvWriter.KNOWN_UNITS.size());
        assertThat(unitCols).isSorted().containsExactlyElementsOf(PerTurnCsvWriter.KNOWN_UNITS);
        int parts = dev.fameharness.api.time.LatencyPart.ALL.size();
        assertThat(cols.get(cols.size() - parts - 1)).isEqualTo("cost_usd.total");
        assertThat(cols.subList(cols.size() - parts, cols.size()))
                .containsExactlyElementsOf(dev.fameharness.api.time.LatencyPart.ALL.stream()
                        .map(p -> "latency_us." + p).toList());
        // header + one CRLF-terminated record per turn (quoted details contain bare LFs, not CRLF)
        assertThat(out.toString().split("\r\n", -1)).hasSize(r.turns().size() + 2);
    }
}
