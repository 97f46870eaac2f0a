package dev.fameharness.strategies;

import static dev.fameharness.agent.ScriptedChatModel.ACCEPT;
import static dev.fameharness.agent.ScriptedChatModel.replies;
import static dev.fameharness.agent.ScriptedChatModel.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.agent.Agent;
import dev.fameharness.agent.AgentConfig;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.FakeToolGateway;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Prompts;
import dev.fameharness.agent.PromptFormat;
import dev.fameharness.agent.ScriptedChatModel;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.strategies.state.MapValueStore;
import dev.fameharness.strategies.state.StoredStateCarrier;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.FailureReason;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AgentHandlersTest {

    /** Memory kept in a map. */
    private static final class MapMemory implements SessionMemory {
        final Map<String, List<MemoryNote>> notes = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "map";
        }

        @Override
        public List<MemoryNote> load(String sessionId) {
            return List.copyOf(notes.getOrDefault(sessionId, List.of()));
        }

        @Override
        public void append(String sessionId, List<MemoryNote> add) {
            notes.computeIfAbsent(sessionId, k -> new ArrayList<>()).addAll(add);
        }
    }

    private static final AgentState START = AgentState.start(new TurnRequest("s1", "t2",
            "tell me more about paper-0001"));

    @Test
    void should_load_memory_for_planner_and_remember_answer_and_artifacts_when_evaluator_accepts() throws Exception {
        // given a session that remembers an earlier answer, and an actor that fetches a stored artifact
        MapMemory memory = new MapMemory();
        memory.append("s1", List.of(new MemoryNote("t0", "answer", "summarize paper-0002", "P2 is about Z"),
                new MemoryNote("t1", "answer", "summarize paper-0001", "P0 is about X")));
        String reference = ArtifactRefs.header("s3://artifacts/p1", 50_000) + "\nParts: ...";
        FakeToolGateway tools = new FakeToolGateway().tool("fetch", true, args -> reference);
        ScriptedChatModel model = new ScriptedChatModel(replies("plan"), sequence(
                AiMessage.from(ToolExecutionRequest.builder().id("1").name("fetch").arguments("{\"id\":\"P1\"}").build()),
                AiMessage.from("P1 is about Y")), replies(ACCEPT));
        StoredStateCarrier carrier = new StoredStateCarrier("kv", new MapValueStore("kv"));
        AgentHandlers handlers = new AgentHandlers(new Agent(model, tools, AgentConfig.DEFAULT), carrier, memory);

        // when the three role handlers run in turn
        byte[] planned = handlers.planner().handle(carrier.encode(START));
        byte[] acted = handlers.actor().handle(planned);
        AgentState done = carrier.decode(handlers.evaluator().handle(acted));

        // then the planner saw the memory, and the accepted turn added its answer and its artifact
        assertThat(done.accepted()).isTrue();
        assertThat(done.memoryLoaded()).isTrue();
        // (a note about the same identifier is shown in full, an unrelated older one only as an index line)
        String plannerPrompt = ScriptedChatModel.userText(model.requests(Prompts.PLANNER).get(0));
        assertThat(plannerPrompt).contains("P0 is about X").doesNotContain("P2 is about Z").contains(PromptFormat.INDEXED);
        assertThat(memory.load("s1")).extracting(MemoryNote::turnId, MemoryNote::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("t0", "answer"),
                org.assertj.core.groups.Tuple.tuple("t1", "answer"),
                org.assertj.core.groups.Tuple.tuple("t2", "answer"),
                org.assertj.core.groups.Tuple.tuple("t2", "artifact"));
        assertThat(memory.load("s1").get(2).text()).isEqualTo("P1 is about Y");
        assertThat(memory.load("s1").get(3).text()).startsWith("[artifact ref=s3://artifacts/p1");
    }

    @Test
    void should_leave_handler_as_turn_failure_with_its_reason_when_a_role_fails() {
        // given a model whose context window is exceeded
        ScriptedChatModel model = new ScriptedChatModel(r -> {
            throw new LimitExceededException("llm.context_window", 128_000, 200_000, "prompt too long");
        }, replies("x"), replies(ACCEPT));
        StoredStateCarrier carrier = new StoredStateCarrier("kv", new MapValueStore("kv"));
        AgentHandlers handlers = new AgentHandlers(new Agent(model, new FakeToolGateway(), AgentConfig.DEFAULT),
                carrier, SessionMemory.NONE);

        // when / then
        assertThatThrownBy(() -> handlers.planner().handle(carrier.encode(START)))
                .isInstanceOfSatisfying(TurnFailure.class, f ->
                        assertThat(f.reason()).isEqualTo(FailureReason.CONTEXT_WINDOW));
    }
}
