package dev.fameharness.report.results;

import dev.fameharness.report.cost.RunStorage;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Figures a run knows that are not in its TurnRecords: what each preset kept stored and for how long (for the
 * time-based cost, e.g. Redis peak memory) and how long each back-end server took to start, in milliseconds.
 * Presets without an entry have {@link RunStorage#NONE}.
 */
public record RunExtras(SortedMap<String, RunStorage> storageByPreset, SortedMap<String, Double> serverStartMillis) {

    public static final RunExtras NONE = new RunExtras(new TreeMap<>(), new TreeMap<>());

    public RunExtras {
        storageByPreset = Collections.unmodifiableSortedMap(new TreeMap<>(storageByPreset));
        serverStartMillis = Collections.unmodifiableSortedMap(new TreeMap<>(serverStartMillis));
    }

    public static RunExtras of(Map<String, RunStorage> storageByPreset, Map<String, Double> serverStartMillis) {
        return new RunExtras(new TreeMap<>(storageByPreset), new TreeMap<>(serverStartMillis));
    }

    public RunStorage storage(String preset) {
        Objects.requireNonNull(preset, "preset");
        return storageByPreset.getOrDefault(preset, RunStorage.NONE);
    }
}
