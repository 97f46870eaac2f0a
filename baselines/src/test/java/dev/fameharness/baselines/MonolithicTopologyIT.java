package dev.fameharness.baselines;

import static dev.fameharness.agent.ScriptedChatModel.ACCEPT;
import static dev.fameharness.agent.ScriptedChatModel.replies;
import static dev.fameharness.agent.ScriptedChatModel.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ScriptedChatModel;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.strategies.topology.FunctionSettings;
import dev.fameharness.strategies.topology.PlatformRig;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.FailureReason;
import dev.langchain4j.data.message.AiMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The monolithic topology on the FaaS emulator under a virtual clock. */
class MonolithicTopologyIT {

    private final PlatformRig rig = new PlatformRig();

    @Test
    void should_run_whole_turn_in_one_invocation_when_it_finishes_in_time() {
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper"), 3, new PayloadStateCarrier());

        AgentState done = rig.run(() -> new MonolithicTopology(rig.faas, handlers, FunctionSettings.DEFAULT, rig.clock))
                .succeeded();

        assertThat(done.accepted()).isTrue();
        assertThat(rig.events.events(Event.Invocation.class)).singleElement()
                .satisfies(i -> assertThat(i.function()).isEqualTo("agent"));
        assertThat(rig.transitions()).isEmpty();
    }

    @Test
    void should_fail_with_function_timeout_when_turn_exceeds_900_seconds() {
        // given a model that takes 901 s of virtual time in the actor
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), r -> {
            rig.clock.sleep(Duration.ofSeconds(901));
            return AiMessage.from("late");
        }, replies(ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper"), 3, new PayloadStateCarrier());

        // when
        TurnFailure failure = rig.run(() -> new MonolithicTopology(rig.faas, handlers, FunctionSettings.DEFAULT,
                rig.clock)).failed();

        // then one invocation, billed for exactly the 900 s timeout, and no retry
        assertThat(failure.reason()).isEqualTo(FailureReason.FUNCTION_TIMEOUT);
        assertThat(rig.events.events(Event.Invocation.class)).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo("timeout");
            assertThat(i.durationMicros()).isEqualTo(900_000_000L);
        });
    }

    @Test
    void should_fail_with_evaluator_gave_up_when_every_draft_is_rejected() {
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(ScriptedChatModel.reject("no")));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper"), 2, new PayloadStateCarrier());

        TurnFailure failure = rig.run(() -> new MonolithicTopology(rig.faas, handlers, FunctionSettings.DEFAULT,
                rig.clock)).failed();

        assertThat(failure.reason()).isEqualTo(FailureReason.EVALUATOR_GAVE_UP);
    }
}
