package dev.fameharness.faults;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per {@link FaultKind}, how many decisions a run made and how many of them injected a fault. Thread-safe
 * (wall mode runs processes concurrently). One log is shared by every decorator of a run through its
 * {@link FaultInjector}; the same facts are in the event stream as {@code Note(subject "fault")} events.
 */
public final class FaultLog {

    private final AtomicLongArray decisions = new AtomicLongArray(FaultKind.values().length);
    private final AtomicLongArray injected = new AtomicLongArray(FaultKind.values().length);

    void record(FaultKind kind, boolean fault) {
        decisions.incrementAndGet(kind.ordinal());
        if (fault) {
            injected.incrementAndGet(kind.ordinal());
        }
    }

    /** Faults of {@code kind} injected so far. */
    public long injected(FaultKind kind) {
        return injected.get(kind.ordinal());
    }

    /** Decisions taken for {@code kind} so far (injected or not). */
    public long decisions(FaultKind kind) {
        return decisions.get(kind.ordinal());
    }

    /** Faults of every kind injected so far. */
    public long totalInjected() {
        long sum = 0;
        for (int i = 0; i < injected.length(); i++) {
            sum += injected.get(i);
        }
        return sum;
    }

    /** Injected counts by kind label, every kind present, in label order (for results files). */
    public SortedMap<String, Long> injectedByKind() {
        SortedMap<String, Long> m = new TreeMap<>();
        for (FaultKind k : FaultKind.values()) {
            m.put(k.label(), injected(k));
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** Injected counts by kind (kinds with no fault included, as 0). */
    public Map<FaultKind, Long> snapshot() {
        EnumMap<FaultKind, Long> m = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            m.put(k, injected(k));
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "FaultLog" + injectedByKind();
    }
}
