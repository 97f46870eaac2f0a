package dev.fameharness.faults;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A versioned map standing in for a real store (no TTL); counts the requests that reached it. */
final class InMemoryKeyValueStore implements KeyValueStore {

    private final String backend;
    private final Map<String, Versioned> items = new HashMap<>();
    int gets;
    int writes;
    int deletes;

    InMemoryKeyValueStore(String backend) {
        this.backend = backend;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public Optional<Versioned> get(String key, Consistency consistency) {
        gets++;
        return Optional.ofNullable(items.get(key));
    }

    @Override
    public long put(String key, byte[] value, Duration ttl) {
        writes++;
        Versioned old = items.get(key);
        long version = old == null ? 1 : old.version() + 1;
        items.put(key, new Versioned(value, version));
        return version;
    }

    @Override
    public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        writes++;
        Versioned old = items.get(key);
        long current = old == null ? 0 : old.version();
        if (current != expectedVersion) {
            throw new VersionConflictException(key, expectedVersion,
                    "expected version " + expectedVersion + " of " + key + ", found " + current);
        }
        items.put(key, new Versioned(value, expectedVersion + 1));
        return expectedVersion + 1;
    }

    @Override
    public void delete(String key) {
        deletes++;
        items.remove(key);
    }

    int requests() {
        return gets + writes + deletes;
    }

    @Override
    public void close() {
    }
}
