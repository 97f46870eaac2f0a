package dev.fameharness.report.claims;

import dev.fameharness.report.stats.Estimate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One paired statistic of a candidate preset against a baseline, with both intervals a reviewer asks for: the
 * turn-level bootstrap (turns resampled independently) and the session-level cluster bootstrap (sessions of a
 * seed resampled with all their turns; the one REPORT.md's verdicts use). Ratios are candidate over baseline;
 * differences are candidate minus baseline.
 *
 * @param metric       e.g. {@code latency_median_ratio}, see {@link ClaimStatistics#METRICS}
 * @param statistic    what is computed over the pairs, in words
 * @param pairs        pairs the statistic uses (e.g. both turns completed for latency)
 * @param sessions     clusters those pairs fall in
 * @param turnLevel    turn-level interval; empty when undefined
 * @param sessionLevel session-level interval; empty when undefined
 * @param perTurn      distribution of per-turn ratios (ratio metrics only)
 * @param byTask       the statistic per task kind with its session-level interval (ratio metrics only)
 */
public record PairedMetric(String metric, String statistic, int pairs, int sessions, Optional<Estimate> turnLevel,
                           Optional<Estimate> sessionLevel, Optional<RatioSpread> perTurn,
                           SortedMap<String, Estimate> byTask) {

    public PairedMetric {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(turnLevel, "turnLevel");
        Objects.requireNonNull(sessionLevel, "sessionLevel");
        Objects.requireNonNull(perTurn, "perTurn");
        byTask = Collections.unmodifiableSortedMap(new TreeMap<>(byTask));
    }
}
