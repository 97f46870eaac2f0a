package dev.fameharness.faults;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Retries a {@link KeyValueStore}'s retryable failures (throttling, timeouts, lost connections) as an AWS SDK
 * client does, through a {@link Retrier}.
 *
 * <p><b>Idempotency.</b> get and delete are idempotent. A retried unconditional put is safe: the last write wins
 * with the same value (if an earlier attempt did land, the version grows by one more). A retried conditional put
 * needs care: a failure after the request left the client (a timeout, a dropped connection) is ambiguous, and if
 * the earlier attempt was applied, the retry finds version {@code expectedVersion + 1} and gets a
 * {@link VersionConflictException} for what was in fact its own success. So after any retryable failure of a
 * conditional put, a conflict on a later attempt is checked with a strongly consistent read: if the stored item is
 * at {@code expectedVersion + 1} and holds exactly the bytes written, the put is reported as the success it was
 * (returning {@code expectedVersion + 1}); otherwise the conflict stands. Faults injected by
 * {@link FaultyKeyValueStore} are never ambiguous (they are thrown before the store is touched), so with them the
 * check never fires; it is there for real timeouts and connection losses. A conflict on the first attempt is
 * always a real conflict and is rethrown without a read.
 */
public final class RetryingKeyValueStore implements KeyValueStore {

    private final KeyValueStore delegate;
    private final Retrier retrier;

    public RetryingKeyValueStore(KeyValueStore delegate, Retrier retrier) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    public KeyValueStore delegate() {
        return delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public Optional<Versioned> get(String key, Consistency consistency) {
        return retrier.call(target("get", key), () -> delegate.get(key, consistency));
    }

    @Override
    public long put(String key, byte[] value, Duration ttl) {
        return retrier.call(target("put", key), () -> delegate.put(key, value, ttl));
    }

    @Override
    public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        boolean[] ambiguous = {false};
        return retrier.call(target("put", key), () -> {
            try {
                return delegate.putIfVersion(key, value, expectedVersion, ttl);
            } catch (VersionConflictException conflict) {
                if (ambiguous[0] && ownEarlierWrite(key, value, expectedVersion)) {
                    return expectedVersion + 1;
                }
                throw conflict;
            } catch (RuntimeException e) {
                if (retrier.policy().isRetryable(e)) {
                    ambiguous[0] = true;
                }
                throw e;
            }
        });
    }

    /** True when the stored item is exactly what our conditional put would have written. */
    private boolean ownEarlierWrite(String key, byte[] value, long expectedVersion) {
        Optional<Versioned> stored = delegate.get(key, Consistency.STRONG);
        return stored.isPresent() && stored.get().version() == expectedVersion + 1
                && Arrays.equals(stored.get().value(), value);
    }

    @Override
    public void delete(String key) {
        retrier.run(target("delete", key), () -> delegate.delete(key));
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
