package dev.fameharness.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cold tier: artifacts and cached tool responses, on an S3 API server (S3Proxy by default, or any
 * S3-compatible endpoint). Keys are object keys within the store's bucket.
 */
public interface ObjectStore extends AutoCloseable {

    /** The back end's name as used in results and prices: {@code s3}. */
    String backend();

    /** Stores the bytes under the key (replacing any object there) with user metadata; returns the ETag. */
    String put(String key, byte[] data, Map<String, String> metadata);

    default String put(String key, byte[] data) {
        return put(key, data, Map.of());
    }

    Optional<byte[]> get(String key);

    /** Bytes {@code [offset, offset + length)} of the object, fewer at its end; empty if the object is absent. */
    Optional<byte[]> getRange(String key, long offset, long length);

    Optional<ObjectInfo> head(String key);

    /** Deletes the object; deleting an absent object is not an error. */
    void delete(String key);

    /** All objects whose key starts with {@code prefix}, in key order. */
    List<ObjectInfo> list(String prefix);

    @Override
    void close();
}
