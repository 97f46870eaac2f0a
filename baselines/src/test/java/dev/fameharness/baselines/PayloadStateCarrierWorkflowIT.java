package dev.fameharness.baselines;

import static dev.fameharness.agent.ScriptedChatModel.ACCEPT;
import static dev.fameharness.agent.ScriptedChatModel.replies;
import static dev.fameharness.agent.ScriptedChatModel.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.Prompts;
import dev.fameharness.agent.ScriptedChatModel;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.strategies.topology.FunctionSettings;
import dev.fameharness.strategies.topology.PlatformRig;
import dev.fameharness.strategies.topology.WorkflowTopology;
import dev.fameharness.strategies.topology.WorkflowTopology.Variant;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import org.junit.jupiter.api.Test;

/** The stateless-payload baseline on the shared workflow: the whole state travels in the Step Functions payload. */
class PayloadStateCarrierWorkflowIT {

    private final PlatformRig rig = new PlatformRig();

    private static AiMessage fetch() {
        return AiMessage.from(ToolExecutionRequest.builder().id("c1").name("fetch").arguments("{\"paper_id\":\"P1\"}").build());
    }

    private WorkflowTopology topology(Variant variant, AgentHandlers handlers) {
        return new WorkflowTopology(variant, rig.engine, rig.faas, handlers, FunctionSettings.DEFAULT);
    }

    @Test
    void should_fail_with_state_payload_limit_when_payload_carries_a_300_kb_tool_result() {
        // given a tool result larger than the 262,144-byte state payload quota, carried in the payload
        String big = "x".repeat(300_000);
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(fetch(), AiMessage.from("answer")),
                replies(ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools(big), 3, new PayloadStateCarrier());

        // when
        TurnFailure failure = rig.run(() -> topology(Variant.SEPARATE, handlers)).failed();

        // then the actor's output broke the quota and the evaluator never ran
        assertThat(failure.reason()).isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT);
        assertThat(failure.getMessage()).contains("States.DataLimitExceeded");
        assertThat(rig.transitions()).containsExactly("Plan", "Act");
        assertThat(model.requests(Prompts.EVALUATOR)).isEmpty();
    }

}
