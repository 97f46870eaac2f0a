package dev.fameharness.storage;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link KeyValueStore} that can also say what each call cost on the wire ({@link KvReceipt}). The plain
 * {@code KeyValueStore} methods are derived from the receipt methods, so both paths behave identically.
 *
 * <p>Why: the api's {@code KeyValueStore} returns only the new version, but DynamoDB bills a put by the larger
 * of the old and new item, a delete by the deleted item, and a rejected conditional write by the existing
 * item. Only the store sees those items (DynamoDB returns them with {@code ReturnValues=ALL_OLD} at no extra
 * cost).
 */
public interface ReceiptingKeyValueStore extends KeyValueStore {

    /** Unconditional write marker for {@link #write}. */
    long UNCONDITIONAL = -1;

    KvReceipt read(String key, Consistency consistency);

    /**
     * Writes the value. {@code expectedVersion} is {@link #UNCONDITIONAL}, {@code 0} (must not exist) or the
     * version that must be stored. A rejected condition comes back as a receipt with {@code conflict = true},
     * not as an exception, so that it can be billed.
     */
    KvReceipt write(String key, byte[] value, long expectedVersion, Duration ttl);

    KvReceipt remove(String key);

    @Override
    default Optional<Versioned> get(String key, Consistency consistency) {
        return read(key, consistency).value();
    }

    @Override
    default long put(String key, byte[] value, Duration ttl) {
        return write(key, value, UNCONDITIONAL, ttl).version();
    }

    @Override
    default long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0 (0 = must not exist), was " + expectedVersion);
        }
        KvReceipt receipt = write(key, value, expectedVersion, ttl);
        if (receipt.conflict()) {
            throw conflict(backend(), key, expectedVersion, receipt.actualVersion());
        }
        return receipt.version();
    }

    @Override
    default void delete(String key) {
        remove(key);
    }

    static VersionConflictException conflict(String backend, String key, long expected, long actual) {
        String found = actual == 0 ? "no item" : "version " + actual;
        return new VersionConflictException(key, expected,
                backend + ": conditional put of '" + key + "' expected version " + expected + " but found " + found);
    }
}
