package dev.fameharness.report.results;

import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.stats.Percentiles;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The latency attribution of a set of turns ({@link TurnRecord#latencyParts()}): the part names results list (every
 * {@link LatencyPart}, then any other part a turn carries, sorted) and, per part, the mean and median over turns in
 * microseconds (a turn without the part counts 0, so the means add up to the mean latency).
 */
public final class LatencyParts {

    /** Mean and median of one part over turns, in microseconds. */
    public record Stat(double meanMicros, double medianMicros) {
    }

    private LatencyParts() {
    }

    /** {@link LatencyPart#ALL}, then the other parts the turns carry, sorted. */
    public static List<String> names(Collection<TurnRecord> turns) {
        TreeSet<String> extra = new TreeSet<>();
        for (TurnRecord t : turns) {
            extra.addAll(t.latencyParts().keySet());
        }
        extra.removeAll(LatencyPart.ALL);
        java.util.ArrayList<String> out = new java.util.ArrayList<>(LatencyPart.ALL);
        out.addAll(extra);
        return out;
    }

    /** Per part (in {@link #names} order), mean and median over {@code turns}; empty when no turn is attributed. */
    public static SortedMap<String, Stat> summarise(Collection<TurnRecord> turns) {
        List<TurnRecord> attributed = turns.stream().filter(t -> !t.latencyParts().isEmpty()).toList();
        TreeMap<String, Stat> out = new TreeMap<>();
        if (attributed.isEmpty()) {
            return Collections.unmodifiableSortedMap(out);
        }
        for (String part : names(attributed)) {
            double[] v = attributed.stream().mapToDouble(t -> t.latencyParts().getOrDefault(part, 0L)).toArray();
            out.put(part, new Stat(Percentiles.mean(v), Percentiles.median(v)));
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
