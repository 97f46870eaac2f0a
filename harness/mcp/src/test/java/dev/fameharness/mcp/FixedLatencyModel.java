package dev.fameharness.mcp;

import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture: fixed durations per operation id (zero for others), recording every sample request. */
final class FixedLatencyModel implements LatencyModel {

    record Sample(String operation, long quantity) {
    }

    private final Map<String, Duration> durations;
    private final List<Sample> samples = new ArrayList<>();

    FixedLatencyModel(Map<String, Duration> durations) {
        this.durations = Map.copyOf(durations);
    }

    @Override
    public synchronized Duration sample(String operation, long quantity) {
        samples.add(new Sample(operation, quantity));
        return durations.getOrDefault(operation, Duration.ZERO);
    }

    @Override
    public boolean has(String operation) {
        return durations.containsKey(operation);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
