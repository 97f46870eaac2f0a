package dev.fameharness.report.charts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric measured for several presets over the values of one parameter (e.g. p50 latency in ms against the
 * tool-response size in KB): one line per preset. Units are named separately so axis labels carry them.
 *
 * @param points preset -> (parameter value -> metric value), presets in insertion order
 */
public record Sweep(String title, String parameter, String parameterUnit, String metric, String metricUnit,
                    Map<String, SortedMap<Double, Double>> points) {

    public Sweep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(parameterUnit, "parameterUnit");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(metricUnit, "metricUnit");
        LinkedHashMap<String, SortedMap<Double, Double>> copy = new LinkedHashMap<>();
        points.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
        if (copy.isEmpty() || copy.values().stream().anyMatch(Map::isEmpty)) {
            throw new IllegalArgumentException("sweep " + title + ": every preset needs at least one point");
        }
        points = Collections.unmodifiableMap(copy);
    }
}
