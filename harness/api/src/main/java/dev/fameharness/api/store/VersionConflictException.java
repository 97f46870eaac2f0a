package dev.fameharness.api.store;

import dev.fameharness.api.error.FameException;

/** A conditional put found another version than the one expected (optimistic concurrency lost a race). */
public class VersionConflictException extends FameException {

    private final String key;
    private final long expectedVersion;

    public VersionConflictException(String key, long expectedVersion, String message) {
        super(message);
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    public String key() {
        return key;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
