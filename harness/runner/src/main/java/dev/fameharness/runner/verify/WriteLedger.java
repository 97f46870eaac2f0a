package dev.fameharness.runner.verify;

import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.api.time.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run saved, so that it can be checked afterwards ("nothing lost"). The architecture's value stores and
 * session memory are wrapped ({@link #record(String, ValueStore)}, {@link #record(SessionMemory)}): every
 * successful put is recorded with the turn that made it (from {@link Scope}), its reference and the SHA-256 of
 * its bytes; every successful memory append with its notes. After the run, {@link #verify} re-reads every value
 * of every completed turn through readers on the <em>raw</em> stores (no metering, no faults, no modeled time).
 *
 * <p>What counts as intact, given what the architectures overwrite by design: state keys carry the iteration and
 * a step counter and artifacts are keyed by (server, tool, canonical arguments), so a reference is normally
 * written once or with equal content; a value is intact when its checksum is that of <em>any</em> write the run
 * made to that reference, so a legitimate overwrite is never reported as corruption. The session memory item is
 * rewritten by every turn (last write wins): a turn's notes must be present in the final item, unless the item is
 * full, in which case the bounded memory evicted them (counted as evicted, not lost).
 */
public final class WriteLedger {

    /** One successful put. */
    public record Write(String turnId, String kind, String ref, String sha256, int sizeBytes) {
    }

    /** One successful memory append. */
    public record Append(String turnId, String sessionId, List<MemoryNote> notes) {
        public Append {
            notes = List.copyOf(notes);
        }
    }

    private final Map<String, ValueStore> readers;
    private final SessionMemory memoryReader;
    private final int maxNotes;
    private final List<Write> writes = new ArrayList<>();
    private final List<Append> appends = new ArrayList<>();

    /**
     * @param readers      raw value stores by reference scheme ({@code kv}, {@code s3}) to read values back
     * @param memoryReader the session memory on the raw key-value store
     * @param maxNotes     the memory's bound (notes kept per session)
     */
    public WriteLedger(Map<String, ValueStore> readers, SessionMemory memoryReader, int maxNotes) {
        this.readers = Map.copyOf(readers);
        this.memoryReader = Objects.requireNonNull(memoryReader, "memoryReader");
        if (maxNotes < 1) {
            throw new IllegalArgumentException("maxNotes must be >= 1, was " + maxNotes);
        }
        this.maxNotes = maxNotes;
    }

    /** A ledger for a preset that saves nothing: it wraps nothing and verifies to {@link Verification#NONE}. */
    public static WriteLedger none() {
        return new WriteLedger(Map.of(), SessionMemory.NONE, 1);
    }

    /** {@code store}, recording every successful put as a value of this {@code kind} ({@code state}, {@code artifact}). */
    public ValueStore record(String kind, ValueStore store) {
        return new LedgerValueStore(this, kind, store);
    }

    /** {@code memory}, recording every successful append. */
    public SessionMemory record(SessionMemory memory) {
        return new LedgerSessionMemory(this, memory);
    }

    void recordWrite(String kind, String ref, byte[] bytes) {
        Write w = new Write(Scope.current().turn(), kind, ref, sha256(bytes), bytes.length);
        synchronized (writes) {
            writes.add(w);
        }
    }

    void recordAppend(String sessionId, List<MemoryNote> notes) {
        Append a = new Append(Scope.current().turn(), sessionId, notes);
        synchronized (appends) {
            appends.add(a);
        }
    }

    public List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    public List<Append> appends() {
        synchronized (appends) {
            return List.copyOf(appends);
        }
    }

    /**
     * Reads back every value and memory note the {@code completedTurns} saved. Call after the simulation: the
     * readers are raw stores, so this takes no modeled time and emits no events.
     */
    public Verification verify(Set<String> completedTurns) {
        List<Write> all = writes();
        List<Append> appended = appends();
        if (all.isEmpty() && appended.isEmpty()) {
            return new Verification(0, Map.of(), 0, 0, 0, 0, List.of());
        }
        Map<String, Set<String>> written = new HashMap<>();
        for (Write w : all) {
            written.computeIfAbsent(w.ref(), r -> new HashSet<>()).add(w.sha256());
        }
        Map<String, Integer> checked = new TreeMap<>();
        Set<String> turns = new HashSet<>();
        List<Verification.Problem> problems = new ArrayList<>();
        int[] counts = new int[4]; // missing, corrupted, unreadable, evicted
        Map<String, Read> reads = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Write w : all) {
            if (!completedTurns.contains(w.turnId()) || !seen.add(w.turnId() + " " + w.ref() + " " + w.sha256())) {
                continue;
            }
            turns.add(w.turnId());
            checked.merge(scheme(w.ref()), 1, Integer::sum);
            Read read = reads.computeIfAbsent(w.ref(), this::read);
            String outcome;
            String detail;
            if (read.error() != null) {
                outcome = "unreadable";
                detail = read.error();
            } else if (read.sha256().isEmpty()) {
                outcome = "missing";
                detail = w.sizeBytes() + " bytes written, nothing there now";
            } else if (!written.get(w.ref()).contains(read.sha256().get())) {
                outcome = "corrupted";
                detail = "sha256 " + read.sha256().get() + " (" + read.sizeBytes() + " bytes) matches no write to it; "
                        + "this turn wrote " + w.sha256() + " (" + w.sizeBytes() + " bytes)";
            } else {
                continue;
            }
            count(counts, outcome);
            problems.add(new Verification.Problem(w.turnId(), w.kind(), w.ref(), outcome, detail));
        }
        Map<String, MemoryRead> memories = new HashMap<>();
        for (Append a : appended) {
            if (!completedTurns.contains(a.turnId())) {
                continue;
            }
            turns.add(a.turnId());
            MemoryRead memory = memories.computeIfAbsent(a.sessionId(), this::readMemory);
            for (MemoryNote note : a.notes()) {
                checked.merge("memory", 1, Integer::sum);
                String outcome;
                String detail;
                if (memory.error() != null) {
                    outcome = "unreadable";
                    detail = "the " + note.kind() + " note on '" + note.subject() + "': " + memory.error();
                } else if (memory.notes().contains(note)) {
                    continue;
                } else if (memory.notes().stream().anyMatch(n -> n.turnId().equals(note.turnId())
                        && n.kind().equals(note.kind()) && n.subject().equals(note.subject()))) {
                    outcome = "corrupted";
                    detail = "the " + note.kind() + " note on '" + note.subject() + "' has other text in the memory";
                } else if (memory.notes().size() >= maxNotes) {
                    outcome = "evicted";
                    detail = "";
                } else {
                    outcome = "missing";
                    detail = "the " + note.kind() + " note on '" + note.subject() + "' is not in the memory ("
                            + memory.notes().size() + " of at most " + maxNotes + " notes)";
                }
                count(counts, outcome);
                if (!"evicted".equals(outcome)) {
                    problems.add(new Verification.Problem(a.turnId(), "memory", "session " + a.sessionId(), outcome,
                            detail));
                }
            }
        }
        problems.sort(Comparator.comparing(Verification.Problem::turnId).thenComparing(Verification.Problem::kind)
                .thenComparing(Verification.Problem::ref).thenComparing(Verification.Problem::detail));
        return new Verification(turns.size(), checked, counts[0], counts[1], counts[2], counts[3], problems);
    }

    private static void count(int[] counts, String outcome) {
        switch (outcome) {
            case "missing" -> counts[0]++;
            case "corrupted" -> counts[1]++;
            case "unreadable" -> counts[2]++;
            case "evicted" -> counts[3]++;
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    private record Read(Optional<String> sha256, int sizeBytes, String error) {
    }

    private record MemoryRead(List<MemoryNote> notes, String error) {
    }

    private Read read(String ref) {
        ValueStore reader = readers.get(scheme(ref));
        if (reader == null) {
            return new Read(Optional.empty(), 0, "no reader for " + scheme(ref) + ":// references");
        }
        try {
            Optional<byte[]> bytes = reader.get(ref);
            return new Read(bytes.map(WriteLedger::sha256), bytes.map(b -> b.length).orElse(0), null);
        } catch (RuntimeException e) {
            return new Read(Optional.empty(), 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private MemoryRead readMemory(String sessionId) {
        try {
            return new MemoryRead(memoryReader.load(sessionId), null);
        } catch (RuntimeException e) {
            return new MemoryRead(List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String scheme(String ref) {
        int i = ref.indexOf("://");
        return i < 0 ? "unknown" : ref.substring(0, i);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
