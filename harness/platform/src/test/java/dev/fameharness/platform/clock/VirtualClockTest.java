package dev.fameharness.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.metering.EventLog;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void should_interleave_processes_in_virtual_time_order() {
        VirtualClock clock = new VirtualClock(1);
        List<String> trace = new ArrayList<>();

        clock.run("main", () -> {
            Clock.Task<Void> a = clock.spawn("a", () -> {
                clock.sleep(Duration.ofMillis(30));
                trace.add("a@" + clock.now().toMillis());
                return null;
            });
            Clock.Task<Void> b = clock.spawn("b", () -> {
                clock.sleep(Duration.ofMillis(10));
                trace.add("b@" + clock.now().toMillis());
                clock.sleep(Duration.ofMillis(30));
                trace.add("b@" + clock.now().toMillis());
                return null;
            });
            a.join();
            trace.add("joined-a@" + clock.now().toMillis());
            b.join();
            trace.add("joined-b@" + clock.now().toMillis());
            return null;
        });

        assertThat(trace).containsExactly("b@10", "a@30", "joined-a@30", "b@40", "joined-b@40");
        assertThat(clock.now()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void should_return_result_and_rethrow_failures_of_joined_processes() {
        VirtualClock clock = new VirtualClock(1);

        int result = clock.run("main", () -> clock.spawn("x", () -> 41).join() + 1);

        assertThat(result).isEqualTo(42);
        assertThatThrownBy(() -> clock.run("main2", () -> clock.spawn("y", () -> {
            throw new IllegalArgumentException("boom");
        }).join())).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    }

    @Test
    void should_inherit_scope_tags_in_spawned_processes() {
        VirtualClock clock = new VirtualClock(1);
        Tags tags = new Tags("fame", "s001", "s001-t01", "planner");

        String role = clock.run("main", () -> {
            try (Scope s = Scope.with(tags)) {
                return clock.spawn("child", () -> Scope.current().role()).join();
            }
        });

        assertThat(role).isEqualTo("planner");
    }

    @Test
    void should_refuse_sleep_outside_a_process() {
        VirtualClock clock = new VirtualClock(1);

        assertThatThrownBy(() -> clock.sleep(Duration.ofMillis(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a simulation process");
    }

    @Test
    void should_produce_byte_identical_event_streams_for_the_same_seed_and_different_for_another() throws Exception {
        String first = simulate(7);
        String second = simulate(7);
        String other = simulate(8);

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
        assertThat(first.lines().count()).isEqualTo(200);
    }

    /** 20 concurrent "sessions", each 10 operations with seeded random durations, metered to one stream. */
    private static String simulate(long seed) throws Exception {
        VirtualClock clock = new VirtualClock(seed);
        EventLog log = new EventLog();
        clock.run("main", () -> {
            List<Clock.Task<Void>> sessions = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                String id = "s" + s;
                sessions.add(clock.spawn(id, () -> {
                    try (Scope scope = Scope.with(new Tags("test", id, id + "-t1", "actor"))) {
                        for (int op = 0; op < 10; op++) {
                            long micros = 100 + clock.random().nextLong(10_000);
                            long at = clock.now().toNanos() / 1000;
                            clock.sleep(Duration.ofNanos(micros * 1000));
                            log.emit(new Event.Note(at, Scope.current(), "op" + op, Long.toString(micros)));
                        }
                    }
                    return null;
                }));
            }
            sessions.forEach(Clock.Task::join);
            return null;
        });
        StringWriter out = new StringWriter();
        log.writeJsonLines(out);
        return out.toString();
    }
}
