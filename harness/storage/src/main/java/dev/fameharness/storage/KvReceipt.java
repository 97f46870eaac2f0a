package dev.fameharness.storage;

import dev.fameharness.api.store.Versioned;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one key-value call did: its result and the requests it sent. Returned by {@link ReceiptingKeyValueStore}
 * so that {@link dev.fameharness.storage.metering.MeteredKeyValueStore} can bill the real item sizes
 * (old and new item, attribute names included) instead of guessing them from the value.
 *
 * @param value    what a read returned (empty for writes, deletes and absent keys)
 * @param version  the version a write created; {@code 0} for reads, deletes and rejected writes
 * @param conflict true when a conditional write was rejected ({@code actualVersion} tells what was there)
 * @param actualVersion the version found by a rejected conditional write ({@code 0} = absent)
 * @param wire     the requests sent, in order (at least one)
 */
public record KvReceipt(Optional<Versioned> value, long version, boolean conflict, long actualVersion,
                        List<WireOp> wire) {

    public KvReceipt {
        Objects.requireNonNull(value, "value");
        wire = List.copyOf(wire);
        if (wire.isEmpty()) {
            throw new IllegalArgumentException("a receipt names at least one request");
        }
    }

    public static KvReceipt read(Optional<Versioned> value, WireOp op) {
        return new KvReceipt(value, 0, false, 0, List.of(op));
    }

    public static KvReceipt written(long version, List<WireOp> wire) {
        return new KvReceipt(Optional.empty(), version, false, 0, wire);
    }

    public static KvReceipt rejected(long actualVersion, List<WireOp> wire) {
        return new KvReceipt(Optional.empty(), 0, true, actualVersion, wire);
    }

    public static KvReceipt deleted(WireOp op) {
        return new KvReceipt(Optional.empty(), 0, false, 0, List.of(op));
    }
}
