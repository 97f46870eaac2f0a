package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.EventSink;
import dev.fameharness.platform.clock.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    /** Indices of the decisions (out of {@code n}) that injected, on a fresh virtual clock with {@code seed}. */
    static List<Integer> injectedIndices(long seed, FaultPlan plan, FaultKind kind, int n) {
        VirtualClock clock = new VirtualClock(seed);
        return clock.run("decide", () -> {
            FaultInjector faults = new FaultInjector(plan, clock, EventSink.NONE);
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (faults.inject(kind, "t")) {
                    hits.add(i);
                }
            }
            assertThat(faults.log().decisions(kind)).isEqualTo(n);
            assertThat(faults.log().injected(kind)).isEqualTo(hits.size());
            return hits;
        });
    }

    @Test
    void should_inject_at_the_configured_rate_when_p_is_five_percent() {
        // when
        List<Integer> hits = injectedIndices(42, FaultPlan.only(FaultKind.TOOL_ERROR, 0.05), FaultKind.TOOL_ERROR,
                10_000);

        // then: binomial(10,000, 0.05) has sd 21.8; +-100 is 4.6 sd. The exact count is pinned: a change means the
        // seeded streams changed, which changes every result of every run.
        assertThat(hits.size()).isBetween(400, 600);
        assertThat(hits).hasSize(483);
    }

    @Test
    void should_give_the_same_fault_sequence_when_the_seed_is_the_same() {
        FaultPlan plan = FaultPlan.only(FaultKind.STORE_THROTTLE, 0.1);
        assertThat(injectedIndices(7, plan, FaultKind.STORE_THROTTLE, 2_000))
                .isEqualTo(injectedIndices(7, plan, FaultKind.STORE_THROTTLE, 2_000));
    }

    @Test
    void should_give_a_different_fault_sequence_when_the_seed_differs() {
        FaultPlan plan = FaultPlan.only(FaultKind.STORE_THROTTLE, 0.1);
        assertThat(injectedIndices(7, plan, FaultKind.STORE_THROTTLE, 2_000))
                .isNotEqualTo(injectedIndices(8, plan, FaultKind.STORE_THROTTLE, 2_000));
    }

    @Test
    void should_never_inject_when_p_is_zero_and_always_when_p_is_one() {
        assertThat(injectedIndices(1, FaultPlan.NONE, FaultKind.LLM_TIMEOUT, 5_000)).isEmpty();
        assertThat(injectedIndices(1, FaultPlan.only(FaultKind.LLM_TIMEOUT, 1.0), FaultKind.LLM_TIMEOUT, 5_000))
                .hasSize(5_000);
    }

    @Test
    void should_leave_the_random_stream_untouched_when_p_is_zero() {
        // given
        VirtualClock withDecisions = new VirtualClock(3);
        VirtualClock without = new VirtualClock(3);

        // when
        long after = withDecisions.run("p", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.NONE.with(FaultKind.TOOL_SLOW, 1.0), withDecisions,
                    EventSink.NONE);
            for (int i = 0; i < 100; i++) {
                faults.inject(FaultKind.STORE_THROTTLE, "t");
                faults.inject(FaultKind.TOOL_SLOW, "t");
            }
            return withDecisions.random().nextLong();
        });
        long fresh = without.run("p", () -> without.random().nextLong());

        // then
        assertThat(after).isEqualTo(fresh);
    }

    @Test
    void should_note_each_fault_with_kind_and_target_when_injected() {
        // given
        VirtualClock clock = new VirtualClock(5);
        RecordingEvents events = new RecordingEvents();

        // when
        clock.run("notes", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.TOOL_SLOW, 1.0), clock, events);
            faults.inject(FaultKind.TOOL_SLOW, "papers/fetch");
            faults.inject(FaultKind.TOOL_ERROR, "papers/fetch");
            return null;
        });

        // then
        assertThat(events.notes(FaultInjector.NOTE_SUBJECT)).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("tool_slow papers/fetch"));
    }
}
