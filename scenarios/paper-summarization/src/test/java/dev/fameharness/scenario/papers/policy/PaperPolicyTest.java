package dev.fameharness.scenario.papers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.PromptFormat;
import dev.fameharness.agent.Prompts;
import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.llm.SimulatedReply;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy decides from information only: the same content through different carriers gives the same plan
 * and the same answer (metamorphic tests), an implicit reference is resolved from whatever memory holds the
 * earlier turn and asked about when none does, and memory answers only what it covers.
 */
class PaperPolicyTest {

    private static final String ID = "journal.pone.0000001";
    private static final String OTHER = "journal.pone.0000002";
    private static final String INTRO = "We asked whether sparrows sing louder in cities than in forests across "
            + "three seasons. Urban noise is a known pressure on bird communication and may shape song.";
    private static final String METHODS = "We recorded 120 males in eight cities and eight forests with calibrated "
            + "microphones and measured the amplitude of each song at a fixed distance from the singer.";
    private static final String DISCUSSION = "Urban males sang six decibels louder on average, and the difference "
            + "grew with traffic noise, which suggests that birds adjust their songs to the acoustic environment.";
    private static final String FULL = "## Introduction\n" + INTRO + "\n## Methods\n" + METHODS + "\n## Discussion\n"
            + DISCUSSION;
    private static final String FETCH_ARGS = "{\"paper_id\":\"" + ID + "\"}";
    private static final String REF = "s3://artifacts/fetch_paper/1";

    private final PaperSummarizationBehavior policy = new PaperSummarizationBehavior(new ExtractiveSummarizer());

    private static AgentState state(String request, List<MemoryNote> memory, List<Observation> observations) {
        return new AgentState("s1", "s1-t05", request, memory, true, "", observations, "", "", "", 0);
    }

    private static ChatRequest prompt(String system, AgentState state, boolean actor) {
        ChatRequest.Builder b = ChatRequest.builder().messages(SystemMessage.from(system),
                UserMessage.from(PromptFormat.render(state, actor, !actor)));
        if (actor) {
            b.toolSpecifications(List.of(ToolSpecification.builder().name("fetch_paper").build(),
                    ToolSpecification.builder().name(ArtifactRefs.READ_TOOL).build()));
        }
        return b.build();
    }

    private String plan(AgentState s) {
        return ((SimulatedReply.Text) policy.respond(prompt(Prompts.plannerSystem(List.of()), s, false))).text();
    }

    private SimulatedReply act(AgentState s) {
        return policy.respond(prompt(Prompts.ACTOR_SYSTEM, s, true));
    }

    private static String text(SimulatedReply reply) {
        assertThat(reply).isInstanceOf(SimulatedReply.Text.class);
        return ((SimulatedReply.Text) reply).text();
    }

    /** The stored paper as a reference with its outline, and the parts read through it. */
    private static List<Observation> referenceAndReads() {
        int a = INTRO.length();
        int b = METHODS.length();
        String reference = ArtifactRefs.header(REF, FULL.length()) + "\n- offset=0 length=" + a + ": Introduction\n"
                + "- offset=" + a + " length=" + b + ": Methods\n- offset=" + (a + b) + " length="
                + DISCUSSION.length() + ": Discussion";
        return List.of(new Observation("fetch_paper", FETCH_ARGS, reference, REF, false),
                new Observation(ArtifactRefs.READ_TOOL, "{\"ref\":\"" + REF + "\",\"offset\":0,\"length\":" + a + "}",
                        INTRO, "", false),
                new Observation(ArtifactRefs.READ_TOOL, "{\"ref\":\"" + REF + "\",\"offset\":" + a + ",\"length\":"
                        + b + "}", METHODS, "", false),
                new Observation(ArtifactRefs.READ_TOOL, "{\"ref\":\"" + REF + "\",\"offset\":" + (a + b)
                        + ",\"length\":" + DISCUSSION.length() + "}", DISCUSSION, "", false));
    }

    @Test
    void should_plan_and_answer_the_same_when_the_paper_travels_inline_or_as_a_reference_with_its_parts_read() {
        String request = "Summarize the paper " + ID + " (\"Sparrows\").";
        AgentState inline = state(request, List.of(),
                List.of(new Observation("fetch_paper", FETCH_ARGS, FULL, "", false)));
        AgentState referenced = state(request, List.of(), referenceAndReads());

        assertThat(plan(referenced)).isEqualTo(plan(inline)).contains("\"answer_from\":\"observations\"");
        assertThat(text(act(referenced))).isEqualTo(text(act(inline))).contains("sparrows");
    }

    @Test
    void should_plan_and_answer_the_same_when_the_earlier_turn_is_a_stored_memory_note_or_a_client_transcript() {
        // the earlier turn fetched the paper; now "they" refers to it
        String request = "What methods did they use?";
        String earlier = "Summarize the paper " + ID + " (\"Sparrows\").";
        AgentState stored = state(request, List.of(new MemoryNote("s1-t04", MemoryNote.ANSWER,
                        earlier + " [used: fetch_paper " + FETCH_ARGS + "]", "An earlier summary.")),
                List.of(new Observation("fetch_paper", FETCH_ARGS, FULL, "", false)));
        AgentState transcript = state(request, List.of(
                new MemoryNote("s1-t04", MemoryNote.USER, "request", earlier),
                new MemoryNote("s1-t04", MemoryNote.TOOL, "fetch_paper " + FETCH_ARGS, FULL),
                new MemoryNote("s1-t04", MemoryNote.ASSISTANT, "answer", "An earlier summary.")), List.of());

        assertThat(plan(transcript)).isEqualTo(plan(stored));
        assertThat(text(act(transcript))).isEqualTo(text(act(stored))).contains("120 males");
    }

    @Test
    void should_ask_for_context_when_an_implicit_request_arrives_without_any_earlier_turn() {
        AgentState alone = state("What methods did they use?", List.of(), List.of());

        assertThat(text(act(alone))).startsWith(Prompts.NEED_CONTEXT);
        assertThat(plan(alone)).contains("\"answer_from\":\"ask\"");
    }

    @Test
    void should_fetch_the_remembered_paper_when_an_implicit_question_follows_a_stored_summary() {
        AgentState followUp = state("What are the main limitations of that study?", List.of(new MemoryNote("s1-t04",
                MemoryNote.ANSWER, "Summarize the paper " + ID + " [used: fetch_paper " + FETCH_ARGS + "]",
                "An earlier summary.")), List.of());

        SimulatedReply reply = act(followUp);

        assertThat(reply).isInstanceOf(SimulatedReply.ToolCalls.class);
        assertThat(((SimulatedReply.ToolCalls) reply).calls()).extracting(SimulatedReply.ToolCall::argumentsJson)
                .containsExactly(FETCH_ARGS);
    }

    @Test
    void should_answer_from_memory_only_when_a_note_covers_the_same_paper_and_kind() {
        MemoryNote summary = new MemoryNote("s1-t01", MemoryNote.ANSWER, "Summarize the paper " + ID
                + " (\"Sparrows\").", "The remembered summary of the sparrow paper.");
        AgentState again = state("Summarize the paper " + ID + " (\"Sparrows\").", List.of(summary), List.of());
        AgentState section = state("Summarize the section \"Methods\" of paper " + ID + " (\"Sparrows\").",
                List.of(summary), List.of());
        AgentState other = state("Summarize the paper " + OTHER + " (\"Owls\").", List.of(summary), List.of());

        assertThat(text(act(again))).isEqualTo(summary.text());
        assertThat(act(section)).isInstanceOf(SimulatedReply.ToolCalls.class);
        assertThat(act(other)).isInstanceOf(SimulatedReply.ToolCalls.class);
    }

    @Test
    void should_let_any_note_about_the_paper_answer_a_summary_when_memory_answers_is_same_paper() {
        PaperSummarizationBehavior loose = new PaperSummarizationBehavior(new ExtractiveSummarizer(),
                PaperSettings.load(Map.of("memory_answers", "same-paper")));
        MemoryNote sectionNote = new MemoryNote("s1-t01", MemoryNote.ANSWER, "Summarize the section \"Methods\" of "
                + "paper " + ID, "Only the methods.");
        AgentState summary = state("Summarize the paper " + ID + ".", List.of(sectionNote), List.of());

        assertThat(text(loose.respond(prompt(Prompts.ACTOR_SYSTEM, summary, true)))).isEqualTo("Only the methods.");
        assertThat(act(summary)).isInstanceOf(SimulatedReply.ToolCalls.class);
    }

    @Test
    void should_read_within_a_budget_shared_by_the_papers_and_split_it_evenly_after_a_rejection() {
        List<PromptView.Part> first = List.of(new PromptView.Part("r1", 0, 6000, "Introduction"),
                new PromptView.Part("r1", 6000, 6000, "Discussion"));
        List<PromptView.Part> second = List.of(new PromptView.Part("r2", 0, 6000, "Introduction"),
                new PromptView.Part("r2", 6000, 6000, "Discussion"));
        PaperTask compare = PaperTask.parse("Compare papers " + ID + " and " + OTHER + ": methods.");
        List<String> priority = PaperSettings.defaults().sectionPriority();

        List<PromptView.Part> greedy = PaperSummarizationBehavior.choose(List.of(first, second), 12_288, false,
                compare, priority);
        List<PromptView.Part> even = PaperSummarizationBehavior.choose(List.of(first, second), 24_576, true,
                compare, priority);

        assertThat(greedy).extracting(PromptView.Part::ref).containsExactly("r1", "r1");
        assertThat(even).extracting(PromptView.Part::ref).containsExactly("r1", "r1", "r2", "r2");
    }

    @Test
    void should_call_the_tool_again_instead_of_summarizing_its_error_when_a_tool_call_failed() {
        AgentState summary = state("Summarize the paper " + ID + " (\"Sparrows\").", List.of(), List.of());
        dev.langchain4j.agent.tool.ToolExecutionRequest call = dev.langchain4j.agent.tool.ToolExecutionRequest
                .builder().id("c1").name("fetch_paper").arguments(FETCH_ARGS).build();
        ChatRequest failed = ChatRequest.builder().messages(SystemMessage.from(Prompts.ACTOR_SYSTEM),
                        UserMessage.from(PromptFormat.render(summary, true, false)),
                        dev.langchain4j.data.message.AiMessage.from(call),
                        dev.langchain4j.data.message.ToolExecutionResultMessage.builder().id("c1").toolName("fetch_paper")
                                .text("tool fetch_paper failed: the server is busy").isError(true).build())
                .toolSpecifications(List.of(ToolSpecification.builder().name("fetch_paper").build())).build();

        SimulatedReply reply = policy.respond(failed);

        assertThat(reply).isInstanceOf(SimulatedReply.ToolCalls.class);
        assertThat(((SimulatedReply.ToolCalls) reply).calls()).extracting(SimulatedReply.ToolCall::argumentsJson)
                .containsExactly(FETCH_ARGS);
    }
}
