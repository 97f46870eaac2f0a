package dev.fameharness.storage.metering;

import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: every operation takes 1 ms per started KB plus 1 ms; records what was sampled. */
final class FixedLatency implements LatencyModel {

    final List<String> sampled = new CopyOnWriteArrayList<>();

    @Override
    public Duration sample(String operation, long quantity) {
        sampled.add(operation + ":" + quantity);
        return Duration.ofMillis(1 + (quantity + 1023) / 1024);
    }

    @Override
    public boolean has(String operation) {
        return true;
    }
}
