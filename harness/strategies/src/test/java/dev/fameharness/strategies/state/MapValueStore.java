package dev.fameharness.strategies.state;

import dev.fameharness.agent.state.ValueStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: an in-memory ValueStore with references {@code <scheme>://<key>}; records every put. */
public final class MapValueStore implements ValueStore {

    private final String scheme;
    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final List<String> puts = new CopyOnWriteArrayList<>();

    public MapValueStore(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public String put(String key, byte[] bytes) {
        String ref = scheme + "://" + key;
        values.put(ref, bytes.clone());
        puts.add(ref);
        return ref;
    }

    @Override
    public Optional<byte[]> get(String ref) {
        return Optional.ofNullable(values.get(ref)).map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        return get(ref).map(v -> Arrays.copyOfRange(v, (int) Math.min(offset, v.length),
                (int) Math.min(v.length, offset + length)));
    }

    public List<String> puts() {
        return List.copyOf(puts);
    }
}
