package dev.fameharness.api.store;

import java.util.Map;
import java.util.Objects;

/** What {@link ObjectStore#head} and {@link ObjectStore#list} tell about an object. */
public record ObjectInfo(String key, long sizeBytes, String etag, Map<String, String> metadata) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        metadata = Map.copyOf(metadata);
    }
}
