package dev.fameharness.bench;

import dev.fameharness.agent.state.ValueStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Benchmark fixture: a {@link ValueStore} in a bounded map, so that what a benchmark measures around it (the
 * router, a carrier) is not hidden behind I/O. Values are kept by reference, not copied: the cost of a put is
 * the map insertion, whatever the value's size. At most {@code capacity} values are kept (the least recently
 * written go first), because carriers write a new key per state and a benchmark writes millions of them.
 *
 * <p>Not thread-safe: one instance per benchmark thread ({@code Scope.Thread} states).
 */
final class InMemoryValueStore implements ValueStore {

    private final String scheme;
    private final Map<String, byte[]> values;

    /**
     * @param scheme   the reference scheme this tier answers to ({@code kv} or {@code s3}, as
     *                 {@link dev.fameharness.fame.TieredValueStore} expects)
     * @param capacity how many values to keep, at least 1
     */
    InMemoryValueStore(String scheme, int capacity) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.values = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String put(String key, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String ref = scheme + "://" + Objects.requireNonNull(key, "key");
        values.put(ref, bytes);
        return ref;
    }

    @Override
    public Optional<byte[]> get(String ref) {
        return Optional.ofNullable(values.get(ref));
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0, were " + offset + ", " + length);
        }
        return get(ref).map(v -> {
            int from = (int) Math.min(offset, v.length);
            int to = (int) Math.min((long) from + length, v.length);
            return Arrays.copyOfRange(v, from, to);
        });
    }

    /** How many values the store holds now. */
    int size() {
        return values.size();
    }
}
