package dev.fameharness.runner.verify;

import dev.fameharness.agent.state.ValueStore;
import java.util.Objects;
import java.util.Optional;

/** A value store that records every successful put in a {@link WriteLedger}; reads pass through. */
final class LedgerValueStore implements ValueStore {

    private final WriteLedger ledger;
    private final String kind;
    private final ValueStore inner;

    LedgerValueStore(WriteLedger ledger, String kind, ValueStore inner) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String put(String key, byte[] bytes) {
        String ref = inner.put(key, bytes);
        ledger.recordWrite(kind, ref, bytes);
        return ref;
    }

    @Override
    public Optional<byte[]> get(String ref) {
        return inner.get(ref);
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        return inner.getRange(ref, offset, length);
    }
}
