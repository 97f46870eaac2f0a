package dev.fameharness.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteLedgerTest {

    /** An in-memory value store with {@code mem://} references that can be made to fail. */
    private static final class MemStore implements ValueStore {
        final Map<String, byte[]> values = new HashMap<>();
        boolean down;

        @Override
        public String put(String key, byte[] bytes) {
            values.put(key, bytes.clone());
            return "mem://" + key;
        }

        @Override
        public Optional<byte[]> get(String ref) {
            if (down) {
                throw new RetriableException("MemDown", "the store does not answer");
            }
            return Optional.ofNullable(values.get(ref.substring("mem://".length())));
        }

        @Override
        public Optional<byte[]> getRange(String ref, long offset, long length) {
            throw new UnsupportedOperationException();
        }
    }

    /** A bounded in-memory session memory that keeps the newest {@code max} notes. */
    private static final class MemMemory implements SessionMemory {
        final Map<String, List<MemoryNote>> items = new HashMap<>();
        final int max;

        MemMemory(int max) {
            this.max = max;
        }

        @Override
        public String name() {
            return "mem";
        }

        @Override
        public List<MemoryNote> load(String sessionId) {
            return items.getOrDefault(sessionId, List.of());
        }

        @Override
        public void append(String sessionId, List<MemoryNote> notes) {
            List<MemoryNote> merged = new ArrayList<>(load(sessionId));
            merged.addAll(notes);
            items.put(sessionId, List.copyOf(merged.subList(Math.max(0, merged.size() - max), merged.size())));
        }
    }

    private final MemStore store = new MemStore();
    private final MemMemory memoryStore = new MemMemory(2);
    private final WriteLedger ledger = new WriteLedger(Map.of("mem", store), memoryStore, 2);
    private final ValueStore values = ledger.record("state", store);
    private final SessionMemory memory = ledger.record(memoryStore);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String putAs(String turn, String key, String value) {
        try (Scope s = Scope.with(new Tags("test", "s1", turn, "actor"))) {
            return values.put(key, utf8(value));
        }
    }

    private void appendAs(String turn, MemoryNote... notes) {
        try (Scope s = Scope.with(new Tags("test", "s1", turn, "evaluator"))) {
            memory.append("s1", List.of(notes));
        }
    }

    private static MemoryNote note(String turn, String text) {
        return new MemoryNote(turn, "answer", "q " + turn, text);
    }

    @Test
    void should_report_intact_when_every_value_of_completed_turns_reads_back() {
        putAs("t1", "a", "alpha");
        putAs("t2", "b", "beta");
        appendAs("t1", note("t1", "one"));

        Verification v = ledger.verify(Set.of("t1", "t2"));

        assertThat(v.intact()).isTrue();
        assertThat(v.turns()).isEqualTo(2);
        assertThat(v.checked()).containsExactlyInAnyOrderEntriesOf(Map.of("mem", 2, "memory", 1));
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void should_report_missing_when_a_value_is_gone_after_the_run() {
        String ref = putAs("t1", "a", "alpha");
        store.values.remove("a");

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.missing()).isEqualTo(1);
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.turnId()).isEqualTo("t1");
            assertThat(p.ref()).isEqualTo(ref);
            assertThat(p.outcome()).isEqualTo("missing");
            assertThat(p.kind()).isEqualTo("state");
        });
    }

    @Test
    void should_report_corrupted_when_stored_bytes_match_no_write() {
        putAs("t1", "a", "alpha");
        store.values.put("a", utf8("alphA"));

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.corrupted()).isEqualTo(1);
        assertThat(v.problems()).singleElement().extracting(Verification.Problem::outcome).isEqualTo("corrupted");
    }

    @Test
    void should_not_report_corruption_when_a_later_write_legitimately_overwrote_the_value() {
        putAs("t1", "shared", "first");
        putAs("t2", "shared", "second");

        Verification v = ledger.verify(Set.of("t1", "t2"));

        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).containsEntry("mem", 2);
    }

    @Test
    void should_verify_only_completed_turns_when_some_failed() {
        putAs("t1", "a", "alpha");
        putAs("t2", "b", "beta");
        store.values.remove("b");

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.intact()).isTrue();
        assertThat(v.turns()).isEqualTo(1);
        assertThat(v.checkedTotal()).isEqualTo(1);
    }

    @Test
    void should_count_a_note_as_evicted_when_the_bounded_memory_is_full() {
        appendAs("t1", note("t1", "one"));
        appendAs("t2", note("t2", "two"));
        appendAs("t3", note("t3", "three"));

        Verification v = ledger.verify(Set.of("t1", "t2", "t3"));

        assertThat(v.evicted()).isEqualTo(1);
        assertThat(v.intact()).isTrue();
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void should_report_a_note_missing_when_the_memory_is_not_full() {
        appendAs("t1", note("t1", "one"));
        memoryStore.items.put("s1", List.of());

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.missing()).isEqualTo(1);
        assertThat(v.evicted()).isZero();
        assertThat(v.problems()).singleElement().extracting(Verification.Problem::kind).isEqualTo("memory");
    }

    @Test
    void should_report_a_note_corrupted_when_its_text_changed() {
        appendAs("t1", note("t1", "one"));
        memoryStore.items.put("s1", List.of(note("t1", "ONE")));

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.corrupted()).isEqualTo(1);
    }

    @Test
    void should_report_unreadable_when_the_store_does_not_answer() {
        putAs("t1", "a", "alpha");
        store.down = true;

        Verification v = ledger.verify(Set.of("t1"));

        assertThat(v.unreadable()).isEqualTo(1);
        assertThat(v.corrupted()).isZero();
        assertThat(v.problems()).singleElement().extracting(Verification.Problem::detail).asString()
                .contains("does not answer");
    }

    @Test
    void should_record_nothing_when_a_put_fails() {
        store.down = true;
        ValueStore failing = ledger.record("state", new ValueStore() {
            @Override
            public String put(String key, byte[] bytes) {
                throw new RetriableException("MemDown", "no");
            }

            @Override
            public Optional<byte[]> get(String ref) {
                return Optional.empty();
            }

            @Override
            public Optional<byte[]> getRange(String ref, long offset, long length) {
                return Optional.empty();
            }
        });

        try {
            failing.put("a", utf8("x"));
        } catch (RetriableException expected) {
            // the put failed: nothing was saved, so nothing must be verified
        }

        assertThat(ledger.writes()).isEmpty();
    }

    @Test
    void should_verify_nothing_when_the_preset_saves_nothing() {
        assertThat(WriteLedger.none().verify(Set.of("t1"))).isEqualTo(
                new Verification(0, Map.of(), 0, 0, 0, 0, List.of()));
    }
}
