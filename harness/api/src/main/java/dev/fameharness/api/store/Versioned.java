package dev.fameharness.api.store;

import java.util.Arrays;
import java.util.Objects;

/** A stored value with its version (versions start at 1 and grow by 1 on every successful put). */
public record Versioned(byte[] value, long version) {

    public Versioned {
        Objects.requireNonNull(value, "value");
        value = value.clone();
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int sizeBytes() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Versioned v && v.version == version && Arrays.equals(v.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "Versioned[" + value.length + " bytes, version " + version + "]";
    }
}
