package dev.fameharness.runner.verify;

import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.strategy.SessionMemory;
import java.util.List;
import java.util.Objects;

/** A session memory that records every successful append in a {@link WriteLedger}; loads pass through. */
final class LedgerSessionMemory implements SessionMemory {

    private final WriteLedger ledger;
    private final SessionMemory inner;

    LedgerSessionMemory(WriteLedger ledger, SessionMemory inner) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<MemoryNote> load(String sessionId) {
        return inner.load(sessionId);
    }

    @Override
    public void append(String sessionId, List<MemoryNote> notes) {
        inner.append(sessionId, notes);
        ledger.recordAppend(sessionId, notes);
    }
}
