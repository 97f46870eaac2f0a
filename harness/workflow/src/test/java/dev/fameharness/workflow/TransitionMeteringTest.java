package dev.fameharness.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.workflow.WorkflowResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Standard workflows are billed per state transition ("Step Functions counts a state transition each time a
 * step of your workflow is executed", pricing page; "Retries are treated as state transitions", error
 * handling page).
 */
class TransitionMeteringTest {

    /** A latency model where a transition takes 20 ms plus 1 µs per payload byte; records what it was asked. */
    private static final class RecordingLatency implements LatencyModel {
        final List<String> asked = new ArrayList<>();

        @Override
        public Duration sample(String operation, long quantity) {
            asked.add(operation + ":" + quantity);
            return Duration.ofMillis(20).plusNanos(quantity * 1_000);
        }

        @Override
        public boolean has(String operation) {
            return true;
        }
    }

    @Test
    void should_count_and_emit_one_transition_per_state_entered_with_its_payload_size_and_latency() {
        RecordingLatency latency = new RecordingLatency();
        TestRig rig = new TestRig(latency, AslOptions.DEFAULTS);
        String definition = """
                {"StartAt": "A", "States": {
                   "A": {"Type": "Pass", "Result": {"k": "vv"}, "Next": "B"},
                   "B": {"Type": "Wait", "Seconds": 1, "Next": "C"},
                   "C": {"Type": "Succeed"}}}""";
        Tags tags = new Tags("fame", "s1", "s1-t1", "");

        WorkflowResult result = rig.clock.run("main", () -> {
            try (Scope s = Scope.with(tags)) {
                return rig.engine.execute("wf", definition, "{}");
            }
        });

        assertThat(result.transitions()).isEqualTo(3);
        List<Event.Transition> events = rig.transitions();
        assertThat(events).extracting(Event.Transition::state).containsExactly("A", "B", "C");
        assertThat(events).extracting(Event.Transition::stateType).containsExactly("Pass", "Wait", "Succeed");
        assertThat(events).extracting(Event.Transition::payloadBytes).containsExactly(2L, 10L, 10L);
        assertThat(events).extracting(Event.Transition::workflow).containsOnly("wf");
        assertThat(events).extracting(Event.Transition::tags).containsOnly(tags);
        // A at 0; B after A's 20.002 ms; C after B's 20.010 ms plus the 1 s wait
        assertThat(events).extracting(Event.Transition::atMicros).containsExactly(0L, 20_002L, 1_040_012L);
        assertThat(latency.asked).containsExactly("sfn.transition:2", "sfn.transition:10", "sfn.transition:10");
        assertThat(rig.clock.now()).isEqualTo(Duration.ofNanos(1_060_022_000L));
    }

    @Test
    void should_count_the_states_of_every_parallel_branch() {
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Next": "Done", "Branches": [
                   {"StartAt": "A1", "States": {"A1": {"Type": "Pass", "Next": "A2"}, "A2": {"Type": "Pass", "End": true}}},
                   {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "End": true}}}]},
                 "Done": {"Type": "Succeed"}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.transitions()).isEqualTo(5);
        assertThat(rig.transitions()).extracting(Event.Transition::state)
                .containsExactlyInAnyOrder("P", "A1", "A2", "B1", "Done");
    }

    @Test
    void should_report_the_transition_count_of_a_failed_execution() {
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "F"},
                   "F": {"Type": "Fail", "Error": "E"}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.transitions()).isEqualTo(2);
        assertThat(rig.transitions()).hasSize(2);
    }

    @Test
    void should_produce_identical_event_streams_for_identical_runs() {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 2,
                   "ItemSelector": {"id.$": "States.UUID()", "v.$": "$$.Map.Item.Value"},
                   "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}},
                   "End": true}}}""";
        RecordingLatency l1 = new RecordingLatency();
        RecordingLatency l2 = new RecordingLatency();
        TestRig first = new TestRig(l1, AslOptions.DEFAULTS);
        TestRig second = new TestRig(l2, AslOptions.DEFAULTS);

        WorkflowResult r1 = first.run(definition, "[1, 2, 3]");
        WorkflowResult r2 = second.run(definition, "[1, 2, 3]");

        assertThat(r1).isEqualTo(r2);
        assertThat(first.transitions()).isEqualTo(second.transitions());
        assertThat(first.transitions()).hasSize(1 + 3);
    }
}
