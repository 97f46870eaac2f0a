package dev.fameharness.agent;

import static dev.fameharness.agent.ScriptedChatModel.ACCEPT;
import static dev.fameharness.agent.ScriptedChatModel.reject;
import static dev.fameharness.agent.ScriptedChatModel.replies;
import static dev.fameharness.agent.ScriptedChatModel.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.metering.FailureReason;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final AgentState START = AgentState.start(new TurnRequest("s1", "t1", "summarize paper P1"));

    private static AiMessage toolCall(String id, String tool, String args) {
        return AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool).arguments(args).build());
    }

    private static FakeToolGateway tools() {
        return new FakeToolGateway()
                .tool("search", true, args -> "1. P1 - A paper")
                .tool("fetch", true, args -> ArtifactRefs.header("s3://artifacts/abc", 12345) + "\nParts: ...");
    }

    @Test
    void should_call_tools_and_record_observations_when_actor_requests_them() {
        // given an actor that searches, fetches (getting a reference back), then answers
        FakeToolGateway gateway = tools();
        ScriptedChatModel model = new ScriptedChatModel(replies("{\"steps\":[]}"),
                sequence(toolCall("c1", "search", "{\"q\":\"P1\"}"), toolCall("c2", "fetch", ""),
                        AiMessage.from("The answer.")),
                replies(ACCEPT));
        Agent agent = new Agent(model, gateway, AgentConfig.DEFAULT);

        // when
        AgentState acted = agent.act(agent.plan(START));

        // then: both tools were called (blank arguments sent as {}), observations recorded in order
        assertThat(gateway.calls()).containsExactly(
                new FakeToolGateway.Call(FakeToolGateway.SERVER, "search", "{\"q\":\"P1\"}"),
                new FakeToolGateway.Call(FakeToolGateway.SERVER, "fetch", "{}"));
        assertThat(acted.observations()).hasSize(2);
        Observation search = acted.observations().get(0);
        assertThat(search.tool()).isEqualTo("search");
        assertThat(search.content()).isEqualTo("1. P1 - A paper");
        assertThat(search.isReference()).isFalse();
        assertThat(search.error()).isFalse();
        Observation fetch = acted.observations().get(1);
        assertThat(fetch.isReference()).isTrue();
        assertThat(fetch.ref()).isEqualTo("s3://artifacts/abc");
        assertThat(acted.answer()).isEqualTo("The answer.");
        assertThat(acted.plan()).isEqualTo("{\"steps\":[]}");
        // and the model saw the tool results: the third actor request carries both result messages
        List<ChatRequest> actorCalls = model.requests(Prompts.ACTOR);
        assertThat(actorCalls).hasSize(3);
        assertThat(actorCalls.get(2).messages()).filteredOn(m -> m instanceof ToolExecutionResultMessage)
                .extracting(m -> ((ToolExecutionResultMessage) m).text())
                .containsExactly("1. P1 - A paper", ArtifactRefs.header("s3://artifacts/abc", 12345) + "\nParts: ...");
        assertThat(actorCalls.get(0).toolSpecifications()).extracting(s -> s.name()).containsExactly("search", "fetch");
        assertThat(ScriptedChatModel.userText(actorCalls.get(0))).contains(PromptFormat.PLAN + "\n{\"steps\":[]}");
    }

    @Test
    void should_stop_with_empty_answer_when_actor_reaches_max_actor_steps() {
        // given an actor that never stops calling tools, and a bound of 3 steps
        FakeToolGateway gateway = tools();
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(toolCall("c", "search", "{}")),
                replies(ACCEPT));
        Agent agent = new Agent(model, gateway, new AgentConfig(2, 3));

        // when
        AgentState acted = agent.act(START);

        // then exactly 3 model calls and 3 tool calls were made, and the draft is empty
        assertThat(model.requests(Prompts.ACTOR)).hasSize(3);
        assertThat(gateway.calls()).hasSize(3);
        assertThat(acted.observations()).hasSize(3);
        assertThat(acted.answer()).isEmpty();
    }

    @Test
    void should_fail_the_turn_with_missing_context_when_the_actor_asks_for_the_referent() {
        // given an actor that cannot tell what the request refers to and asks
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"),
                replies(Prompts.NEED_CONTEXT + " which paper do you mean?"), replies(ACCEPT));
        Agent agent = new Agent(model, tools(), AgentConfig.DEFAULT);

        // when / then the turn ends with missing-context, never with the question as an answer
        assertThatThrownBy(() -> agent.act(START)).isInstanceOfSatisfying(TurnFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(dev.fameharness.api.metering.FailureReason.MISSING_CONTEXT);
            assertThat(f.getMessage()).contains("which paper do you mean?");
        });
    }

    @Test
    void should_record_error_observation_without_calling_gateway_when_tool_is_unknown() {
        // given an actor that calls a tool no server offers
        FakeToolGateway gateway = tools();
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"),
                sequence(toolCall("c", "delete_everything", "{}"), AiMessage.from("done")), replies(ACCEPT));
        Agent agent = new Agent(model, gateway, AgentConfig.DEFAULT);

        // when
        AgentState acted = agent.act(START);

        // then
        assertThat(gateway.calls()).isEmpty();
        assertThat(acted.observations()).singleElement().satisfies(o -> {
            assertThat(o.error()).isTrue();
            assertThat(o.content()).contains("unknown tool 'delete_everything'").contains("search", "fetch");
            assertThat(o.isReference()).isFalse();
        });
        assertThat(acted.answer()).isEqualTo("done");
    }

    @Test
    void should_reject_with_feedback_and_count_iteration_when_evaluator_rejects() {
        // given
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("draft")),
                replies(reject("cover the method section")));
        Agent agent = new Agent(model, tools(), AgentConfig.DEFAULT);

        // when
        AgentState evaluated = agent.evaluate(agent.act(agent.plan(START)));

        // then
        assertThat(evaluated.verdict()).isEqualTo(AgentState.REJECT);
        assertThat(evaluated.accepted()).isFalse();
        assertThat(evaluated.feedback()).isEqualTo("cover the method section");
        assertThat(evaluated.iteration()).isEqualTo(1);
        assertThat(agent.gaveUp(evaluated)).isFalse();
        assertThat(ScriptedChatModel.userText(model.requests(Prompts.EVALUATOR).get(0)))
                .contains(PromptFormat.ANSWER + "\ndraft");
    }

    @Test
    void should_send_feedback_to_planner_and_accept_when_second_draft_is_good() {
        // given an evaluator that rejects once, then accepts
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("draft")),
                replies(reject("add the results"), ACCEPT));
        Agent agent = new Agent(model, tools(), new AgentConfig(3, 4));

        // when
        AgentState done = agent.loop(START);

        // then the second planner call saw the feedback, and the loop ended accepted after 2 iterations
        assertThat(done.accepted()).isTrue();
        assertThat(done.iteration()).isEqualTo(2);
        assertThat(done.feedback()).isEmpty();
        List<ChatRequest> plans = model.requests(Prompts.PLANNER);
        assertThat(plans).hasSize(2);
        assertThat(ScriptedChatModel.userText(plans.get(0))).doesNotContain(PromptFormat.FEEDBACK);
        assertThat(ScriptedChatModel.userText(plans.get(1))).contains(PromptFormat.FEEDBACK + "\nadd the results");
    }

    @Test
    void should_throw_evaluator_gave_up_when_every_draft_is_rejected_up_to_the_bound() {
        // given an evaluator that always rejects and a bound of 2 iterations
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("draft")),
                replies(reject("still wrong")));
        Agent agent = new Agent(model, tools(), new AgentConfig(2, 4));

        // when / then
        assertThatThrownBy(() -> agent.loop(START))
                .isInstanceOfSatisfying(TurnFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(FailureReason.EVALUATOR_GAVE_UP);
                    assertThat(f.getMessage()).startsWith("reason=evaluator-gave-up:").contains("still wrong");
                });
        assertThat(model.requests(Prompts.PLANNER)).hasSize(2);
        assertThat(model.requests(Prompts.EVALUATOR)).hasSize(2);
    }

    @Test
    void should_reject_when_evaluator_reply_is_not_json() {
        // given
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("draft")),
                replies("Looks good to me! {verdict: accept"));
        Agent agent = new Agent(model, tools(), AgentConfig.DEFAULT);

        // when
        AgentState evaluated = agent.evaluate(START.withAnswer("draft"));

        // then
        assertThat(evaluated.verdict()).isEqualTo(AgentState.REJECT);
        assertThat(evaluated.feedback()).contains("not valid JSON").contains("Looks good to me!");
        assertThat(evaluated.iteration()).isEqualTo(1);
    }

    @Test
    void should_reject_when_evaluator_json_has_no_accept_verdict() {
        // given a JSON reply without a verdict field
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(AiMessage.from("draft")),
                replies("{\"feedback\":\"meh\"}"));
        Agent agent = new Agent(model, tools(), AgentConfig.DEFAULT);

        // when
        AgentState evaluated = agent.evaluate(START.withAnswer("draft"));

        // then
        assertThat(evaluated.accepted()).isFalse();
        assertThat(evaluated.feedback()).isEqualTo("meh");
    }
}
