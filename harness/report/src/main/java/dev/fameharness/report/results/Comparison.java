package dev.fameharness.report.results;

import dev.fameharness.report.stats.Estimate;
import dev.fameharness.report.stats.RankTest;
import java.util.Objects;
import java.util.Optional;

/**
 * A paired comparison of {@code candidate} with {@code baseline} over the turns both ran (matched by seed and
 * turn id). Ratios are candidate over baseline with bootstrap intervals; each has a Wilcoxon signed-rank test
 * of the same paired values. Latency uses the {@code latencyPairs} pairs where both turns completed; input
 * tokens and usage cost use all {@code pairs}. An estimate is empty when it is undefined (no pairs, or the
 * baseline's statistic is 0).
 */
public record Comparison(String candidate, String baseline, int pairs, int latencyPairs,
                         Optional<Estimate> latencyMedianRatio, Optional<RankTest> latencyTest,
                         Optional<Estimate> inputTokensRatio, Optional<RankTest> inputTokensTest,
                         Optional<Estimate> costRatio, Optional<RankTest> costTest) {

    public Comparison {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(latencyMedianRatio, "latencyMedianRatio");
        Objects.requireNonNull(latencyTest, "latencyTest");
        Objects.requireNonNull(inputTokensRatio, "inputTokensRatio");
        Objects.requireNonNull(inputTokensTest, "inputTokensTest");
        Objects.requireNonNull(costRatio, "costRatio");
        Objects.requireNonNull(costTest, "costTest");
    }
}
