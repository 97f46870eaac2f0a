package dev.fameharness.faults;

import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A sorted map standing in for an S3 bucket; counts the requests that reached it. */
final class InMemoryObjectStore implements ObjectStore {

    private final TreeMap<String, byte[]> objects = new TreeMap<>();
    int requests;

    @Override
    public String backend() {
        return "s3";
    }

    @Override
    public String put(String key, byte[] data, Map<String, String> metadata) {
        requests++;
        objects.put(key, data.clone());
        return Integer.toHexString(Arrays.hashCode(data));
    }

    @Override
    public Optional<byte[]> get(String key) {
        requests++;
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> getRange(String key, long offset, long length) {
        requests++;
        return Optional.ofNullable(objects.get(key)).map(b -> Arrays.copyOfRange(b,
                (int) Math.min(offset, b.length), (int) Math.min(offset + length, b.length)));
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        requests++;
        return Optional.ofNullable(objects.get(key))
                .map(b -> new ObjectInfo(key, b.length, Integer.toHexString(Arrays.hashCode(b)), Map.of()));
    }

    @Override
    public void delete(String key) {
        requests++;
        objects.remove(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        requests++;
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new ObjectInfo(e.getKey(), e.getValue().length, "etag", Map.of())).toList();
    }

    boolean contains(String key) {
        return objects.containsKey(key);
    }

    @Override
    public void close() {
    }
}
