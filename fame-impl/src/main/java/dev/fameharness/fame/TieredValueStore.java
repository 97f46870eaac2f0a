package dev.fameharness.fame;

import dev.fameharness.agent.state.ValueStore;
import java.util.Objects;
import java.util.Optional;

/**
 * FAME's router: a value at or below the threshold goes to the hot key-value tier, a larger one to the
 * object tier. References say which tier holds a value ({@code kv://} or {@code s3://}), so reads need no
 * lookup.
 */
public final class TieredValueStore implements ValueStore {

    private final ValueStore hot;
    private final ValueStore cold;
    private final long thresholdBytes;

    public TieredValueStore(ValueStore hot, ValueStore cold, long thresholdBytes) {
        this.hot = Objects.requireNonNull(hot, "hot");
        this.cold = Objects.requireNonNull(cold, "cold");
        if (thresholdBytes < 0) {
            throw new IllegalArgumentException("thresholdBytes must be >= 0, was " + thresholdBytes);
        }
        this.thresholdBytes = thresholdBytes;
    }

    /** The tier a value of this size goes to: {@code kv} or {@code s3}. */
    public String tierFor(long sizeBytes) {
        return sizeBytes <= thresholdBytes ? "kv" : "s3";
    }

    @Override
    public String put(String key, byte[] bytes) {
        return bytes.length <= thresholdBytes ? hot.put(key, bytes) : cold.put(key, bytes);
    }

    @Override
    public Optional<byte[]> get(String ref) {
        return tierOf(ref).get(ref);
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        return tierOf(ref).getRange(ref, offset, length);
    }

    private ValueStore tierOf(String ref) {
        if (ref.startsWith("kv://")) {
            return hot;
        }
        if (ref.startsWith("s3://")) {
            return cold;
        }
        throw new IllegalArgumentException("unknown reference scheme: " + ref);
    }
}
