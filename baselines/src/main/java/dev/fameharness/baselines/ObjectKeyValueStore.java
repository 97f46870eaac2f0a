package dev.fameharness.baselines;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Key-value semantics on an object store, the way a single-store S3 design keeps its working state: the
 * version is object metadata, so every read is a HEAD plus a GET and every write a PUT. The version check
 * is read-then-write, not atomic (the API has no conditional put), so simultaneous writers can overwrite each
 * other: the single-s3 baseline inherits that weakness and the harness reports it. TTL is not supported.
 */
public final class ObjectKeyValueStore implements KeyValueStore {

    static final String VERSION = "fame-version";

    private final ObjectStore objects;

    public ObjectKeyValueStore(ObjectStore objects) {
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    @Override
    public String backend() {
        return objects.backend();
    }

    @Override
    public Optional<Versioned> get(String key, Consistency consistency) {
        return objects.head(key).flatMap(info -> objects.get(key).map(bytes ->
                new Versioned(bytes, Long.parseLong(info.metadata().getOrDefault(VERSION, "1")))));
    }

    @Override
    public long put(String key, byte[] value, Duration ttl) {
        long next = objects.head(key).map(i -> Long.parseLong(i.metadata().getOrDefault(VERSION, "0"))).orElse(0L) + 1;
        objects.put(key, value, Map.of(VERSION, Long.toString(next)));
        return next;
    }

    @Override
    public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        long current = objects.head(key).map(i -> Long.parseLong(i.metadata().getOrDefault(VERSION, "0"))).orElse(0L);
        if (current != expectedVersion) {
            throw new VersionConflictException(key, expectedVersion, "object " + key + " is at version " + current
                    + ", expected " + expectedVersion);
        }
        objects.put(key, value, Map.of(VERSION, Long.toString(expectedVersion + 1)));
        return expectedVersion + 1;
    }

    @Override
    public void delete(String key) {
        objects.delete(key);
    }

    @Override
    public void close() {
        objects.close();
    }
}
