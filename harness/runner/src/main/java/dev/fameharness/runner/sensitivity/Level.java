package dev.fameharness.runner.sensitivity;

import dev.fameharness.report.stats.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One rerun of the paired comparison: the parameter values it set (empty for the base level), each claim's
 * statistic with its session-level interval, what the run counted (per preset: tokens, calls, store operations,
 * bytes, cache hits, cold starts; used to show whether a parameter changes anything stored or counted) and how
 * long it took.
 */
public record Level(String label, Map<String, Double> assignment, Map<Claim, Estimate> claims,
                    SortedMap<String, Double> counts, long wallMillis) {

    public Level {
        Objects.requireNonNull(label, "label");
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }
}
