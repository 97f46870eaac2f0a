package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.clock.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedFaultDecisionTest {

    /** Decisions on 40 tool calls of one turn, after {@code before} unrelated decisions in the same turn. */
    private static List<Boolean> decisions(int before) {
        VirtualClock clock = new VirtualClock(9);
        FaultInjector faults = new FaultInjector(FaultPlan.uniform(0.3), clock, EventSink.NONE, new FaultLog(),
                new KeyedRandom(9));
        return clock.run("main", () -> {
            List<Boolean> out = new ArrayList<>();
            try (Scope s = Scope.with(new Tags("a", "s1", "s1-t1", "actor"))) {
                for (int i = 0; i < before; i++) {
                    faults.inject(FaultKind.STORE_THROTTLE, "dynamodb/put");
                }
                for (int i = 0; i < 40; i++) {
                    out.add(faults.inject(FaultKind.TOOL_ERROR, "papers/fetch_paper"));
                }
            }
            return out;
        });
    }

    @Test
    void should_take_the_same_fault_decisions_for_the_same_operations_whatever_else_the_architecture_did() {
        List<Boolean> plain = decisions(0);
        List<Boolean> busy = decisions(17);

        assertThat(busy).isEqualTo(plain);
        assertThat(plain).contains(true, false);
    }
}
