package dev.fameharness.api.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The hot tier: small working state with optimistic concurrency. Implemented on DynamoDB and Redis
 * (real servers). Keys are opaque strings chosen by the caller; values are bytes.
 *
 * <p>TTL: an item put with a TTL is invisible to {@link #get} once the harness {@code Clock} has passed its
 * expiry (the check uses the harness clock, so it is deterministic in virtual mode; where the service
 * supports it the expiry is also written the service's way). A {@code null} or zero TTL means no expiry.
 *
 * <p>Limits: a put larger than the service accepts throws
 * {@link dev.fameharness.api.error.LimitExceededException} carrying the service's own limit and message.
 * Throttling and lost connections throw {@link dev.fameharness.api.error.RetriableException}.
 */
public interface KeyValueStore extends AutoCloseable {

    /** The back end's name as used in results and prices: {@code dynamodb} or {@code redis}. */
    String backend();

    Optional<Versioned> get(String key, Consistency consistency);

    default Optional<Versioned> get(String key) {
        return get(key, Consistency.STRONG);
    }

    /** Unconditional put; returns the new version. */
    long put(String key, byte[] value, Duration ttl);

    /**
     * Puts only if the stored version is {@code expectedVersion} ({@code 0} = the key must not exist);
     * returns the new version ({@code expectedVersion + 1}).
     *
     * @throws VersionConflictException when the stored version differs
     */
    long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl);

    /** Deletes the key; deleting an absent key is not an error. */
    void delete(String key);

    @Override
    void close();
}
