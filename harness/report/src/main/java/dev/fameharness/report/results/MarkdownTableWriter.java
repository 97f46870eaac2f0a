package dev.fameharness.report.results;

import dev.fameharness.report.stats.Estimate;
import dev.fameharness.report.stats.RankTest;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * {@code summary.md}: a table with one row per preset (turns, completion rate, median and p95 latency of
 * completed turns in ms, total input tokens, mean ROUGE-L over completed turns, usage cost and cost including
 * storage in USD) and, when there are comparisons, a table of ratios with their bootstrap intervals and
 * Wilcoxon p-values. Fixed decimals, Locale.ROOT, LF line ends.
 */
public final class MarkdownTableWriter implements ResultFormat {

    @Override
    public void write(RunResults results, Writer out) throws IOException {
        out.write(render(results));
        out.flush();
    }

    /** The tables as text, as {@link #write} writes them (what the CLI prints after a run). */
    public String render(RunResults results) {
        RunSummary s = results.summary();
        StringBuilder b = new StringBuilder();
        b.append("# Run ").append(s.runId()).append("\n\n");
        b.append("Prices: ").append(s.priceRegion()).append(", collected ").append(s.pricesCollected())
                .append(", free tiers not applied. Latency over completed turns.\n\n");
        b.append("| preset | turns | completion | latency p50 (ms) | latency p95 (ms) | input tokens "
                + "| ROUGE-L (completed) | cost usage (USD) | cost incl. storage (USD) |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PresetSummary p : s.presets()) {
            b.append("| ").append(p.preset())
                    .append(" | ").append(p.turns())
                    .append(" | ").append(Numbers.fixed(100 * p.completionRate(), 1)).append('%')
                    .append(" | ").append(Numbers.fixed(p.latencyMs().p50(), 1))
                    .append(" | ").append(Numbers.fixed(p.latencyMs().p95(), 1))
                    .append(" | ").append(p.inputTokens())
                    .append(" | ").append(Numbers.fixed(p.rougeCompleted().rougeL(), 4))
                    .append(" | ").append(Numbers.fixed(p.usageCost().total(), 6))
                    .append(" | ").append(Numbers.fixed(p.totalCost().total(), 6))
                    .append(" |\n");
        }
        if (!s.comparisons().isEmpty()) {
            String pct = Numbers.fixed(100 * s.confidence(), 0);
            b.append("\nRatios candidate / baseline over paired turns, ").append(pct)
                    .append("% percentile-bootstrap interval (").append(s.bootstrapResamples())
                    .append(" resamples, seed ").append(s.bootstrapSeed())
                    .append("); p = two-sided Wilcoxon signed-rank.\n\n");
            b.append("| candidate | baseline | pairs | latency median ratio | p | input tokens ratio | p "
                    + "| cost ratio | p |\n");
            b.append("|---|---|---:|---|---:|---|---:|---|---:|\n");
            for (Comparison c : s.comparisons()) {
                b.append("| ").append(c.candidate())
                        .append(" | ").append(c.baseline())
                        .append(" | ").append(c.pairs())
                        .append(" | ").append(estimate(c.latencyMedianRatio()))
                        .append(" | ").append(p(c.latencyTest()))
                        .append(" | ").append(estimate(c.inputTokensRatio()))
                        .append(" | ").append(p(c.inputTokensTest()))
                        .append(" | ").append(estimate(c.costRatio()))
                        .append(" | ").append(p(c.costTest()))
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    private static String estimate(Optional<Estimate> e) {
        return e.map(x -> Numbers.fixed(x.value(), 3) + " [" + Numbers.fixed(x.low(), 3) + ", "
                + Numbers.fixed(x.high(), 3) + "]").orElse("n/a");
    }

    private static String p(Optional<RankTest> t) {
        return t.map(x -> x.pValue() < 0.0001 ? "<0.0001" : Numbers.fixed(x.pValue(), 4)).orElse("n/a");
    }
}
