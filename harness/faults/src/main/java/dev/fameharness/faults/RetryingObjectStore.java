package dev.fameharness.faults;

import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Retries an {@link ObjectStore}'s retryable failures ({@code SlowDown}, timeouts, lost connections) as an AWS
 * SDK S3 client does, through a {@link Retrier}. Every S3 operation here is idempotent (a put replaces the object
 * with the same bytes, a delete of an absent object succeeds), so every one is retried.
 */
public final class RetryingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final Retrier retrier;

    public RetryingObjectStore(ObjectStore delegate, Retrier retrier) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
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
        return retrier.call(target("put", key), () -> delegate.put(key, data, metadata));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return retrier.call(target("get", key), () -> delegate.get(key));
    }

    @Override
    public Optional<byte[]> getRange(String key, long offset, long length) {
        return retrier.call(target("get", key), () -> delegate.getRange(key, offset, length));
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        return retrier.call(target("head", key), () -> delegate.head(key));
    }

    @Override
    public void delete(String key) {
        retrier.run(target("delete", key), () -> delegate.delete(key));
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return retrier.call(target("list", prefix), () -> delegate.list(prefix));
    }

    private String target(String op, String key) {
        return backend() + "." + op + " " + key;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Retrying" + delegate;
    }
}
