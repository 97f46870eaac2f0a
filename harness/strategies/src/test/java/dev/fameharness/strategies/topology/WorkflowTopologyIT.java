package dev.fameharness.strategies.topology;

import static dev.fameharness.agent.ScriptedChatModel.ACCEPT;
import static dev.fameharness.agent.ScriptedChatModel.reject;
import static dev.fameharness.agent.ScriptedChatModel.replies;
import static dev.fameharness.agent.ScriptedChatModel.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.Prompts;
import dev.fameharness.agent.ScriptedChatModel;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.strategies.state.MapValueStore;
import dev.fameharness.strategies.state.StoredStateCarrier;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.agent.strategy.Envelopes;
import dev.fameharness.strategies.topology.WorkflowTopology.Variant;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.workflow.WorkflowResult;
import dev.fameharness.workflow.AslWorkflowEngine;
import dev.fameharness.workflow.AslOptions;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One turn end to end on the real platform: virtual clock, FaaS emulator, ASL engine, the agent's handlers. */
class WorkflowTopologyIT {

    private final PlatformRig rig = new PlatformRig();

    private static AiMessage fetch() {
        return AiMessage.from(ToolExecutionRequest.builder().id("c1").name("fetch").arguments("{\"paper_id\":\"P1\"}").build());
    }

    /** State stored and referenced (the payload carrier is a baseline's: see PayloadStateCarrierWorkflowIT there). */
    private static StoredStateCarrier stored() {
        return new StoredStateCarrier("kv", new MapValueStore("kv"));
    }

    private WorkflowTopology topology(Variant variant, AgentHandlers handlers) {
        return new WorkflowTopology(variant, rig.engine, rig.faas, handlers, FunctionSettings.DEFAULT);
    }

    @Test
    void should_accept_in_five_transitions_when_first_draft_is_accepted() {
        // given separate functions, an actor that fetches once then answers, an accepting evaluator
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(fetch(), AiMessage.from("answer")),
                replies(ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 3, stored());

        // when
        AgentState done = rig.run(() -> topology(Variant.SEPARATE, handlers)).succeeded();

        // then
        assertThat(rig.transitions()).containsExactly("Plan", "Act", "Evaluate", "Accepted?", "Done");
        assertThat(done.accepted()).isTrue();
        assertThat(done.answer()).isEqualTo("answer");
        assertThat(done.observations()).singleElement().satisfies(o -> assertThat(o.content()).isEqualTo("paper text"));
        assertThat(rig.events.events(Event.Invocation.class)).extracting(Event.Invocation::function)
                .containsExactly("planner", "actor", "evaluator");
    }

    @Test
    void should_loop_back_to_plan_when_evaluator_rejects_once() {
        // given an evaluator that rejects the first draft
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(reject("add results"), ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 3, stored());

        // when
        AgentState done = rig.run(() -> topology(Variant.SEPARATE, handlers)).succeeded();

        // then
        assertThat(rig.transitions()).containsExactly("Plan", "Act", "Evaluate", "Accepted?",
                "Plan", "Act", "Evaluate", "Accepted?", "Done");
        assertThat(done.iteration()).isEqualTo(2);
        assertThat(ScriptedChatModel.userText(model.requests(Prompts.PLANNER).get(1))).contains("add results");
    }

    @Test
    void should_fail_with_evaluator_gave_up_when_rejections_reach_the_bound() {
        // given an evaluator that always rejects and a bound of 2
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(reject("no")));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 2, stored());

        // when
        TurnFailure failure = rig.run(() -> topology(Variant.SEPARATE, handlers)).failed();

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.EVALUATOR_GAVE_UP);
        assertThat(rig.transitions()).containsExactly("Plan", "Act", "Evaluate", "Accepted?",
                "Plan", "Act", "Evaluate", "Accepted?", "GaveUp");
    }

    @Test
    void should_succeed_when_same_300_kb_result_travels_by_reference() {
        // given a tool result larger than the 262,144-byte state payload quota, state stored and referenced
        String big = "x".repeat(300_000);
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(fetch(), AiMessage.from("answer")),
                replies(ACCEPT));
        MapValueStore store = new MapValueStore("kv");
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools(big), 3, new StoredStateCarrier("kv", store));

        // when
        AgentState done = rig.run(() -> topology(Variant.SEPARATE, handlers)).succeeded();

        // then
        assertThat(done.accepted()).isTrue();
        assertThat(done.observations()).singleElement().satisfies(o -> assertThat(o.content()).hasSize(300_000));
        assertThat(rig.events.events(Event.Transition.class)).allSatisfy(t ->
                assertThat(t.payloadBytes()).isLessThan(1_000));
        assertThat(store.puts()).hasSize(4);   // initial, planner, actor, evaluator
    }

    @Test
    void should_run_whole_loop_in_one_task_when_fused() {
        // given
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(reject("again"), ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 3, stored());

        // when
        AgentState done = rig.run(() -> topology(Variant.FUSED, handlers)).succeeded();

        // then one function invocation ran both iterations
        assertThat(rig.transitions()).containsExactly("Agent", "Done");
        assertThat(rig.events.events(Event.Invocation.class)).extracting(Event.Invocation::function)
                .containsExactly("agent");
        assertThat(done.iteration()).isEqualTo(2);
        assertThat(done.accepted()).isTrue();
    }

    @Test
    void should_fail_with_evaluator_gave_up_when_fused_loop_gives_up() {
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("answer")),
                replies(reject("no")));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 2, stored());

        TurnFailure failure = rig.run(() -> topology(Variant.FUSED, handlers)).failed();

        assertThat(failure.reason()).isEqualTo(FailureReason.EVALUATOR_GAVE_UP);
        assertThat(rig.transitions()).containsExactly("Agent", "Failed");
    }

    @Test
    void should_fail_with_function_timeout_when_a_role_runs_past_its_timeout_in_the_workflow() {
        // given an actor whose model call takes longer than the role timeout (300 s) in virtual time
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), r -> {
            rig.clock.sleep(Duration.ofSeconds(301));
            return AiMessage.from("late answer");
        }, replies(ACCEPT));
        AgentHandlers handlers = rig.handlers(model, PlatformRig.tools("paper text"), 3, stored());

        // when
        TurnFailure failure = rig.run(() -> topology(Variant.SEPARATE, handlers)).failed();

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.FUNCTION_TIMEOUT);
        assertThat(failure.getMessage()).contains("Lambda.Unknown");
        // (a function timeout surfaces as Lambda.Unknown, which the workflow retries twice before failing)
        assertThat(rig.transitions()).containsExactly("Plan", "Act", "Act", "Act", "Failed");
        assertThat(rig.events.events(Event.Invocation.class)).extracting(Event.Invocation::outcome)
                .containsExactly("ok", "timeout", "timeout", "timeout");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void should_pass_validation_and_fill_iteration_bound_when_definition_is_loaded(Variant variant) {
        // when
        String definition = WorkflowTopology.definition(variant, 5);
        JsonNode states = Envelopes.parse(definition.getBytes()).path("States");

        // then the engine accepts it (including Fail with ErrorPath/CausePath) and every Task retries and catches
        AslWorkflowEngine.validateDefinition("agent-" + variant, definition);
        assertThat(definition).doesNotContain("${maxIterations}");
        assertThat(states.path("Failed").path("ErrorPath").asText()).isEqualTo("$.error.Error");
        assertThat(states.path("Failed").path("CausePath").asText()).isEqualTo("$.error.Cause");
        states.fields().forEachRemaining(e -> {
            if ("Task".equals(e.getValue().path("Type").asText())) {
                // service errors (3 attempts) and Lambda.Unknown: INIT failures and function timeouts (2 attempts)
                assertThat(e.getValue().path("Retry").size()).as(e.getKey()).isEqualTo(2);
                assertThat(e.getValue().path("Retry").get(1).path("ErrorEquals").get(0).asText()).isEqualTo("Lambda.Unknown");
                assertThat(e.getValue().path("Catch").get(0).path("Next").asText()).isEqualTo("Failed");
            }
        });
        if (variant == Variant.SEPARATE) {
            assertThat(states.path("Accepted?").path("Choices").get(1).path("NumericGreaterThanEquals").asInt())
                    .isEqualTo(5);
        }
    }

    @Test
    void should_map_workflow_errors_to_one_reason_each() {
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("States.DataLimitExceeded", "x", 2)))
                .isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("Lambda.RequestTooLargeException", "x", 2)))
                .isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("Function.ResponseSizeTooLarge", "x", 2)))
                .isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("States.Timeout", "x", 2)))
                .isEqualTo(FailureReason.FUNCTION_TIMEOUT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("Lambda.Unknown",
                "{\"errorMessage\":\"Task timed out after 300.00 seconds (function actor ran 301000.000 ms)\","
                        + "\"errorType\":\"Lambda.Unknown\"}", 3)))
                .isEqualTo(FailureReason.FUNCTION_TIMEOUT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("TurnFailure",
                "{\"errorMessage\":\"reason=item-size-limit: too big\",\"errorType\":\"TurnFailure\"}", 3)))
                .isEqualTo(FailureReason.ITEM_SIZE_LIMIT);
        assertThat(WorkflowTopology.reasonOf(WorkflowResult.failure("Lambda.ServiceException", "boom", 3)))
                .isEqualTo(FailureReason.SERVICE_ERROR);
    }

    @Test
    void should_use_default_payload_quota_of_262144_bytes() {
        assertThat(AslOptions.STATE_PAYLOAD_LIMIT_BYTES).isEqualTo(262_144);
        assertThat(List.of(Variant.values())).hasSize(2);
    }
}
