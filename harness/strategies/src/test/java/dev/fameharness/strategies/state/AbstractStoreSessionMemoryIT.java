package dev.fameharness.strategies.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.RetriableTurnFailure;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.storage.ManualClock;
import dev.fameharness.storage.metering.MeteredKeyValueStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * StoreSessionMemory on a real key-value store. A subclass starts the server once per class and returns the
 * store; every test uses its own session ids.
 */
abstract class AbstractStoreSessionMemoryIT {

    static final ManualClock CLOCK = new ManualClock();
    private static final int TURNS = 100;

    /** The real store under test (unmetered). */
    protected abstract KeyValueStore store();

    /** Reads outside the simulation (the metered store sleeps on the virtual clock). */
    private StoreSessionMemory unmetered() {
        return new StoreSessionMemory("check", store(), 1_000, 1, null);
    }

    private static MemoryNote note(String turn, String text) {
        return new MemoryNote(turn, "answer", "paper:P1", text);
    }

    /** Every store operation takes 5 ms of virtual time, so simultaneous turns interleave between read and write. */
    private static final LatencyModel FIVE_MS = new LatencyModel() {
        @Override
        public Duration sample(String operation, long quantity) {
            return Duration.ofMillis(5);
        }

        @Override
        public boolean has(String operation) {
            return true;
        }
    };

    @Test
    void should_keep_all_100_notes_when_100_turns_of_one_session_append_at_the_same_virtual_time() {
        // given 100 simulated processes on a store whose operations take virtual time
        VirtualClock clock = new VirtualClock(11);
        EventLog events = new EventLog();
        KeyValueStore metered = new MeteredKeyValueStore(store(), clock, FIVE_MS, events);
        StoreSessionMemory memory = new StoreSessionMemory("test", metered, TURNS, 2 * TURNS, null);
        String session = "session-" + UUID.randomUUID();

        // when each appends one note
        clock.run("main", () -> {
            List<Clock.Task<Void>> turns = new ArrayList<>();
            for (int i = 0; i < TURNS; i++) {
                String turn = "turn-" + i;
                turns.add(clock.spawn(turn, () -> {
                    memory.append(session, List.of(note(turn, "note of " + turn)));
                    return null;
                }));
            }
            turns.forEach(Clock.Task::join);
            return null;
        });

        // then no update was lost, and the turns really did collide
        List<MemoryNote> notes = unmetered().load(session);
        assertThat(notes).hasSize(TURNS);
        assertThat(notes).extracting(MemoryNote::turnId).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, TURNS).mapToObj(i -> "turn-" + i).toList());
        assertThat(events.events(Event.StoreOp.class)).filteredOn(e -> "conflict".equals(e.outcome()))
                .hasSizeGreaterThanOrEqualTo(TURNS - 1);
    }

    @Test
    void should_keep_all_100_notes_when_100_threads_append_concurrently() throws Exception {
        // given 100 real threads released together on the unmetered store
        StoreSessionMemory memory = new StoreSessionMemory("test", store(), TURNS, 100_000, null);
        String session = "threads-" + UUID.randomUUID();
        CountDownLatch gate = new CountDownLatch(1);
        List<Clock.Task<Void>> turns = new ArrayList<>();
        for (int i = 0; i < TURNS; i++) {
            String turn = "turn-" + i;
            turns.add(CLOCK.spawn(turn, () -> {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("start gate never opened");
                }
                memory.append(session, List.of(note(turn, "note of " + turn)));
                return null;
            }));
        }

        // when
        gate.countDown();
        turns.forEach(Clock.Task::join);

        // then
        assertThat(memory.load(session)).extracting(MemoryNote::turnId).hasSize(TURNS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, TURNS)
                        .mapToObj(i -> "turn-" + i).toList());
    }

    @Test
    void should_keep_newest_notes_when_memory_exceeds_max_notes() {
        // given a memory bounded to 5 notes
        StoreSessionMemory memory = new StoreSessionMemory("test", store(), 5, 3, null);
        String session = "bounded-" + UUID.randomUUID();

        // when 7 notes are appended in two turns
        memory.append(session, List.of(note("t1", "n0"), note("t1", "n1"), note("t1", "n2")));
        memory.append(session, List.of(note("t2", "n3"), note("t2", "n4"), note("t2", "n5"), note("t2", "n6")));

        // then the newest 5 remain, oldest first
        assertThat(memory.load(session)).extracting(MemoryNote::text).containsExactly("n2", "n3", "n4", "n5", "n6");
    }

    @Test
    void should_keep_sessions_apart_when_ids_look_alike_or_contain_traversal_and_control_characters() {
        // given
        String base = "alice-" + UUID.randomUUID();
        List<String> sessions = List.of(base, "../" + base, base + "/..", base + "\u0000", base + "\n", "./" + base);
        StoreSessionMemory memory = new StoreSessionMemory("test", store(), 10, 3, null);

        // when each session remembers its own id
        for (String s : sessions) {
            memory.append(s, List.of(note("t", s)));
        }

        // then each session sees exactly its own note
        for (String s : sessions) {
            assertThat(memory.load(s)).extracting(MemoryNote::text).as("memory of %s", s).containsExactly(s);
        }
        assertThat(memory.load(base + "-never-used")).isEmpty();
    }

    @Test
    void should_throw_retriable_failure_when_conflicts_outlast_max_attempts() {
        // given two simultaneous turns and a single attempt each
        VirtualClock clock = new VirtualClock(3);
        KeyValueStore metered = new MeteredKeyValueStore(store(), clock, FIVE_MS, new EventLog());
        StoreSessionMemory memory = new StoreSessionMemory("test", metered, 10, 1, null);
        String session = "conflict-" + UUID.randomUUID();

        // when
        List<Throwable> failures = clock.run("main", () -> {
            List<Clock.Task<Void>> turns = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String turn = "turn-" + i;
                turns.add(clock.spawn(turn, () -> {
                    memory.append(session, List.of(note(turn, turn)));
                    return null;
                }));
            }
            List<Throwable> out = new ArrayList<>();
            for (Clock.Task<Void> t : turns) {
                try {
                    t.join();
                } catch (RuntimeException e) {
                    out.add(e);
                }
            }
            return out;
        });

        // then one turn saved and the other failed retriably, naming the session
        assertThat(failures).singleElement().isInstanceOfSatisfying(RetriableTurnFailure.class, f -> {
            assertThat(f.isRetriable()).isTrue();
            assertThat(f.getMessage()).contains(session).contains("1 attempts");
        });
        assertThat(unmetered().load(session)).hasSize(1);
        assertThatThrownBy(() -> new StoreSessionMemory("x", store(), 0, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
