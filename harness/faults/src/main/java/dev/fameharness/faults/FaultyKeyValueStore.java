package dev.fameharness.faults;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Injects {@link FaultKind#STORE_THROTTLE} into any {@link KeyValueStore}: each request (get, put, conditional put,
 * delete) is one decision, and a throttled one throws a {@link dev.fameharness.api.error.RetriableException} with
 * the back end's own code ({@code ProvisionedThroughputExceededException} on DynamoDB, {@code RedisConnectionLost}
 * on Redis) <b>before the delegate is touched</b>: a throttled write has no effect, so retrying it is always safe.
 *
 * <p>Wire it outside the metered store ({@code Faulty(Metered(real))}): a throttled request is neither billed nor
 * metered as a {@code StoreOp} (throttled DynamoDB requests consume no capacity), only noted as a fault, and takes
 * no modeled time.
 */
public final class FaultyKeyValueStore implements KeyValueStore {

    private final KeyValueStore delegate;
    private final FaultInjector faults;

    public FaultyKeyValueStore(KeyValueStore delegate, FaultInjector faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
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
        throttle("get", key);
        return delegate.get(key, consistency);
    }

    @Override
    public long put(String key, byte[] value, Duration ttl) {
        throttle("put", key);
        return delegate.put(key, value, ttl);
    }

    @Override
    public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        throttle("put", key);
        return delegate.putIfVersion(key, value, expectedVersion, ttl);
    }

    @Override
    public void delete(String key) {
        throttle("delete", key);
        delegate.delete(key);
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
