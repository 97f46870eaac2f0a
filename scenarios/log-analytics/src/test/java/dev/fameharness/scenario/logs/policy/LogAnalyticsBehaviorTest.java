package dev.fameharness.scenario.logs.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.Prompts;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.llm.SimulatedReply;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.scenario.logs.corpus.LogCorpus;
import dev.fameharness.scenario.logs.corpus.LogCorpusLoader;
import dev.fameharness.scenario.logs.sessions.LogQuestion;
import dev.fameharness.scenario.logs.sessions.LogScoring;
import dev.fameharness.scenario.logs.sessions.LogSessionConfig;
import dev.fameharness.scenario.logs.sessions.LogSessionGenerator;
import dev.fameharness.scenario.logs.sessions.LogTruth;
import dev.fameharness.scenario.logs.tools.LogToolServer;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy decides from the prompt only: the same question yields the exact answer whether the whole log
 * is in view (counted line by line) or only a stored reference is (asked through the log tools), and an
 * implicit follow-up without its referent in view asks for the missing context.
 */
class LogAnalyticsBehaviorTest {

    static LogCorpus corpus;
    static ToolServerSpec tools;
    static List<ScenarioTurn> turns;

    @BeforeAll
    static void load() {
        corpus = LogCorpusLoader.loadDefault();
        tools = new LogToolServer(corpus).spec();
        LogSessionGenerator g = new LogSessionGenerator(corpus);
        turns = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            turns.addAll(g.generate(LogSessionConfig.named("default"), seed).turns());
        }
    }

    private static SimulatedReply actor(AgentState state) {
        return new LogAnalyticsBehavior().respond(ChatRequest.builder().messages(SystemMessage.from(Prompts.ACTOR_SYSTEM),
                UserMessage.from(dev.fameharness.agent.PromptFormat.render(state, true, false))).build());
    }

    /** Calls a log tool directly (the MCP path is covered by LogToolServerTest). */
    private static String tool(String name, String argsJson) {
        Map<String, Object> args = LogPromptView.args(argsJson);
        return tools.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().handler().call(args);
    }

    /** Plays the actor's loop with the tool results fed back as observations, storing get_log as a reference when asked. */
    private static String answer(AgentState start, boolean referenceGetLog) {
        AgentState state = start;
        for (int step = 0; step < 6; step++) {
            SimulatedReply reply = actor(state);
            if (reply instanceof SimulatedReply.Text t) {
                return t.text();
            }
            SimulatedReply.ToolCall call = ((SimulatedReply.ToolCalls) reply).calls().get(0);
            String content = tool(call.name(), call.argumentsJson());
            if (referenceGetLog && call.name().equals(LogToolServer.GET_LOG)) {
                content = ArtifactRefs.header("s3://artifacts/logs/get_log", content.length())
                        + "\nStored result of get_log " + call.argumentsJson() + ".\n";
            }
            state = state.withObservation(new Observation(call.name(), call.argumentsJson(), content,
                    ArtifactRefs.refOf(content).orElse(""), false));
        }
        throw new AssertionError("no answer within 6 steps");
    }

    @Test
    void should_answer_exactly_both_from_the_inline_log_and_through_the_tools_when_the_log_is_a_reference() {
        Set<String> kinds = new LinkedHashSet<>();
        int checked = 0;
        for (ScenarioTurn t : turns) {
            LogTruth truth = (LogTruth) t.truth();
            if (truth.asked().kind().implicit() || corpus.system(truth.resolved().system()).orElseThrow().bytes() > 200_000
                    || !kinds.add(t.kind()) && checked > 12) {
                continue; // small logs keep the inline prompt cheap; one of each kind suffices after a dozen
            }
            AgentState start = AgentState.start(new TurnRequest(t.sessionId(), t.turnId(), t.request()));
            String inline = answer(start, false);
            String viaTools = answer(start, true);

            assertThat(LogScoring.correct(truth, inline)).as("inline answer to %s: %s", t.request(), inline).isTrue();
            assertThat(LogScoring.correct(truth, viaTools)).as("tool answer to %s: %s", t.request(), viaTools).isTrue();
            checked++;
        }
        assertThat(kinds).contains("overview", "level_count", "top_template", "window_count", "first_occurrence");
    }

    @Test
    void should_ask_for_the_missing_context_when_an_implicit_follow_up_has_no_referent_in_view() {
        AgentState bare = AgentState.start(new TurnRequest("s1", "s1-t01", LogQuestion.WINDOW_BEFORE_TEXT));

        SimulatedReply reply = actor(bare);

        assertThat(reply).isInstanceOf(SimulatedReply.Text.class);
        assertThat(((SimulatedReply.Text) reply).text()).startsWith(LogAnalyticsBehavior.NEED_CONTEXT);
    }

    @Test
    void should_resolve_an_implicit_follow_up_from_the_earlier_question_that_memory_shows() {
        ScenarioTurn follow = turns.stream().filter(t -> t.kind().equals("window_before")).findFirst().orElseThrow();
        ScenarioTurn earlier = turns.stream().filter(t -> t.sessionId().equals(follow.sessionId())
                && t.index() == follow.index() - 1).findFirst().orElseThrow();
        AgentState state = AgentState.start(new TurnRequest(follow.sessionId(), follow.turnId(), follow.request()))
                .withMemory(List.of(new MemoryNote(earlier.turnId(), "answer", earlier.request(), "12 lines ...")));

        String answer = answer(state, true);

        assertThat(LogScoring.correct((LogTruth) follow.truth(), answer)).as(answer).isTrue();
    }

    @Test
    void should_score_a_need_context_reply_and_a_wrong_count_as_wrong() {
        ScenarioTurn t = turns.stream().filter(x -> x.kind().equals("level_count")).findFirst().orElseThrow();
        LogTruth truth = (LogTruth) t.truth();

        assertThat(LogScoring.correct(truth, truth.expected().count() + " lines")).isTrue();
        assertThat(LogScoring.correct(truth, (truth.expected().count() + 1) + " lines")).isFalse();
        assertThat(LogScoring.correct(truth, LogAnalyticsBehavior.NEED_CONTEXT + " which log?")).isFalse();
    }

    @Test
    void should_generate_identical_sessions_for_a_seed_sharing_systems_across_sessions() {
        LogSessionGenerator g = new LogSessionGenerator(corpus);
        var a = g.generate(LogSessionConfig.named("default"), 3);
        var b = g.generate(LogSessionConfig.named("default"), 3);
        var c = g.generate(LogSessionConfig.named("default"), 4);

        assertThat(a.turns()).extracting(ScenarioTurn::request).isEqualTo(b.turns().stream().map(ScenarioTurn::request).toList());
        assertThat(a.turns()).extracting(ScenarioTurn::request).isNotEqualTo(c.turns().stream().map(ScenarioTurn::request).toList());
        Map<String, Set<String>> sessionsBySystem = new HashMap<>();
        a.turns().forEach(t -> sessionsBySystem.computeIfAbsent(((LogTruth) t.truth()).resolved().system(),
                k -> new java.util.HashSet<>()).add(t.sessionId()));
        assertThat(sessionsBySystem.values().stream().mapToInt(Set::size).max().orElse(0)).isGreaterThan(3);
        assertThat(a.turns()).anyMatch(t -> t.kind().equals("top_component"))
                .anyMatch(t -> t.kind().equals("window_before"));
        for (ScenarioTurn t : a.turns()) {
            if (((LogTruth) t.truth()).asked().kind().implicit()) {
                assertThat(t.simultaneous()).as("an implicit follow-up waits for its referent").isFalse();
            }
        }
    }
}
