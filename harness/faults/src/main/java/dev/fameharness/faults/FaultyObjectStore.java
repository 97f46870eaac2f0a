package dev.fameharness.faults;

import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Injects {@link FaultKind#STORE_THROTTLE} into any {@link ObjectStore}: each request (put, get, range get, head,
 * delete, list) is one decision, and a throttled one throws a {@link dev.fameharness.api.error.RetriableException}
 * with S3's code {@code SlowDown} (HTTP 503 "Please reduce your request rate.") <b>before the delegate is
 * touched</b>, so a throttled put has no effect. Wire it outside the metered store, as {@link FaultyKeyValueStore}.
 */
public final class FaultyObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final FaultInjector faults;

    public FaultyObjectStore(ObjectStore delegate, FaultInjector faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    public ObjectStore delegate() {
        return delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public String put(String key, byte[] data, Map<String, String> metadata) {
        throttle("put", key);
        return delegate.put(key, data, metadata);
    }

    @Override
    public Optional<byte[]> get(String key) {
        throttle("get", key);
        return delegate.get(key);
    }

    @Override
    public Optional<byte[]> getRange(String key, long offset, long length) {
        throttle("get", key);
        return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        throttle("head", key);
        return delegate.head(key);
    }

    @Override
    public void delete(String key) {
        throttle("delete", key);
        delegate.delete(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        throttle("list", prefix);
        return delegate.list(prefix);
    }

    private void throttle(String op, String key) {
        String backend = backend();
        if (faults.inject(FaultKind.STORE_THROTTLE, backend + "." + op + " " + key)) {
            throw StoreThrottles.exception(backend, op, key);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Faulty" + delegate;
    }
}
