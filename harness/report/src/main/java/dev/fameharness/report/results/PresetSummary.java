package dev.fameharness.report.results;

import dev.fameharness.report.cost.Cost;
import dev.fameharness.report.stats.Distribution;
import java.util.Collections;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One preset's figures over a run. Latency is over <b>completed</b> turns, in milliseconds. Tokens are by role
 * ({@code planner}, {@code actor}, {@code evaluator}, and {@code all}) over all turns. ROUGE means are given
 * over completed turns and over all turns (failed turns count 0). {@code usageCost} is the sum of turn costs;
 * {@code storageCost} the time-based per-run part; {@link #totalCost()} both.
 */
public record PresetSummary(String preset, int turns, int completed, double completionRate,
                            SortedMap<String, Long> failuresByReason, Distribution latencyMs,
                            SortedMap<String, TokenStats> tokensByRole, RougeMeans rougeCompleted,
                            RougeMeans rougeAll, Cost usageCost, Cost storageCost, long cacheHits, long coldStarts,
                            long toolCalls, OptionalLong redisPeakBytes) {

    public PresetSummary {
        Objects.requireNonNull(preset, "preset");
        failuresByReason = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByReason));
        tokensByRole = Collections.unmodifiableSortedMap(new TreeMap<>(tokensByRole));
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(usageCost, "usageCost");
        Objects.requireNonNull(storageCost, "storageCost");
        Objects.requireNonNull(redisPeakBytes, "redisPeakBytes");
    }

    /** Usage plus storage cost. */
    public Cost totalCost() {
        return usageCost.plus(storageCost);
    }

    /** Total input tokens over all roles. */
    public long inputTokens() {
        return tokensByRole.get("all").inputTotal();
    }

}
