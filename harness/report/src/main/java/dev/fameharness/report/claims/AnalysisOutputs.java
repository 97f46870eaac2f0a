package dev.fameharness.report.claims;

import dev.fameharness.report.attribution.AttributionOutputs;
import dev.fameharness.report.attribution.LatencyAttribution;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.BenchmarkJsonWriter;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.results.RunResults;
import dev.fameharness.report.results.RunSummary;
import dev.fameharness.report.stats.ClusterBootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run outputs beyond the summary: {@code claims.json} (session-level intervals and claim-shaped statistics
 * for every comparison of the summary, same bootstrap settings), {@code benchmark.json} (headline figures for CI
 * benchmark trackers) and the latency attribution ({@code attribution.json}, {@code latency-parts.png}).
 */
public final class AnalysisOutputs {

    private AnalysisOutputs() {
    }

    /** Writes every analysis output of {@code results} into {@code dir}; returns the files written. */
    public static List<Path> writeAll(RunResults results, CostModel costs, Path dir, ChartSize size) throws IOException {
        RunSummary s = results.summary();
        List<PresetPair> pairs = s.comparisons().stream().map(c -> new PresetPair(c.candidate(), c.baseline())).toList();
        ClaimStatistics claims = ClaimStatistics.compute(results.turns(), costs, pairs,
                new ClusterBootstrap(s.bootstrapResamples(), s.confidence(), s.bootstrapSeed()));
        List<Path> out = new ArrayList<>();
        out.add(ClaimsJsonWriter.write(claims, dir));
        out.add(BenchmarkJsonWriter.write(s, dir));
        out.addAll(AttributionOutputs.write(LatencyAttribution.of(results.turns()), dir, size));
        return List.copyOf(out);
    }
}
