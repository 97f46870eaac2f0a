package dev.fameharness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptFormatTest {

    private static AgentState state(List<MemoryNote> memory, List<Observation> observations) {
        return new AgentState("s1", "s1-t03", "Summarize the paper journal.pone.0000001 (\"A title\").", memory, true,
                "{\"steps\":[]}", observations, "The draft\nover two lines.", "reject", "Cover both papers.", 1);
    }

    @Test
    void should_give_back_every_field_when_a_rendered_state_is_parsed() {
        // given notes with quotes, brackets, backslashes and line breaks, transcript notes, and observations
        List<MemoryNote> memory = List.of(
                new MemoryNote("s1-t00", MemoryNote.ANSWER, "Summarize the paper journal.pone.0000001 [used: "
                        + "fetch_paper {\"paper_id\":\"journal.pone.0000001\"}]", "Line one\nline \\n two ] end"),
                new MemoryNote("s1-t01", MemoryNote.USER, "request", "What did \"they\" find?"),
                new MemoryNote("s1-t01", MemoryNote.TOOL, "fetch_paper {\"paper_id\":\"x\"}", "## Intro\nText.\n\nMore."),
                new MemoryNote("s1-t01", MemoryNote.ASSISTANT, "answer", "They found it."));
        List<Observation> observations = List.of(
                new Observation("fetch_paper", "{\"paper_id\":\"journal.pone.0000001\"}", "## Intro\nBody text.", "", false),
                new Observation("get_section", "{\"paper_id\":\"y\",\"section\":\"Methods\"}", "no such section", "", true));
        AgentState state = state(memory, observations);

        // when
        PromptFormat.Parsed parsed = PromptFormat.parse(PromptFormat.render(state, true, true));

        // then
        assertThat(parsed.request()).isEqualTo(state.request());
        assertThat(parsed.plan()).isEqualTo(state.plan());
        assertThat(parsed.answer()).isEqualTo(state.answer());
        assertThat(parsed.feedback()).isEqualTo(state.feedback());
        assertThat(parsed.memory()).extracting(PromptFormat.Note::kind, PromptFormat.Note::turnId,
                PromptFormat.Note::subject, PromptFormat.Note::text).containsExactlyElementsOf(memory.stream()
                .map(n -> org.assertj.core.groups.Tuple.tuple(n.kind(), n.turnId(), n.subject(), n.text())).toList());
        assertThat(parsed.observations()).extracting(Observation::tool, Observation::arguments, Observation::content,
                Observation::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fetch_paper", "{\"paper_id\":\"journal.pone.0000001\"}",
                        "## Intro\nBody text.", false),
                org.assertj.core.groups.Tuple.tuple("get_section", "{\"paper_id\":\"y\",\"section\":\"Methods\"}",
                        "no such section", true));
    }

    @Test
    void should_show_only_the_subject_of_a_stored_note_unrelated_to_the_request_and_not_of_the_latest_turn() {
        // given an older note about another paper, and the latest turn's note about yet another one
        List<MemoryNote> memory = List.of(
                new MemoryNote("s1-t00", MemoryNote.ANSWER, "Summarize the paper journal.pone.0000009", "old text"),
                new MemoryNote("s1-t01", MemoryNote.ANSWER, "Summarize the paper journal.pone.0000008", "latest text"));

        // when
        PromptFormat.Parsed parsed = PromptFormat.parse(PromptFormat.render(state(memory, List.of()), false, false));

        // then the latest turn is shown (what "it" points to), the unrelated older note only by its subject
        assertThat(parsed.memory()).extracting(PromptFormat.Note::shown, PromptFormat.Note::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, ""),
                org.assertj.core.groups.Tuple.tuple(true, "latest text"));
        assertThat(parsed.memory().get(0).subject()).isEqualTo("Summarize the paper journal.pone.0000009");
    }

    @Test
    void should_read_absent_sections_as_empty_when_the_state_is_fresh() {
        AgentState fresh = AgentState.start(new TurnRequest("s", "t", "Make your last answer shorter."));

        PromptFormat.Parsed parsed = PromptFormat.parse(PromptFormat.render(fresh, true, true));

        assertThat(parsed.request()).isEqualTo("Make your last answer shorter.");
        assertThat(parsed.memory()).isEmpty();
        assertThat(parsed.observations()).isEmpty();
        assertThat(parsed.plan()).isEmpty();
        assertThat(parsed.answer()).isEmpty();
        assertThat(parsed.feedback()).isEmpty();
    }

    @Test
    void should_read_role_state_and_each_tool_result_with_its_call_when_a_conversation_is_read() {
        String user = PromptFormat.render(AgentState.start(new TurnRequest("s1", "t1", "Summarize paper X")),
                false, false);
        var call = dev.langchain4j.agent.tool.ToolExecutionRequest.builder().id("c1").name("fetch_paper")
                .arguments("{\"id\":\"X\"}").build();
        var read = PromptFormat.read(List.of(
                dev.langchain4j.data.message.SystemMessage.from("You are the ACTOR of an assistant ..."),
                dev.langchain4j.data.message.UserMessage.from(user),
                dev.langchain4j.data.message.AiMessage.from(List.of(call)),
                dev.langchain4j.data.message.ToolExecutionResultMessage.builder().id("c1").toolName("fetch_paper")
                        .text("the paper").isError(false).build(),
                dev.langchain4j.data.message.ToolExecutionResultMessage.builder().id("c9").toolName("search_papers")
                        .text("no such call").isError(true).build()));

        assertThat(read.role()).isEqualTo(PromptFormat.Role.ACTOR);
        assertThat(read.request()).isEqualTo("Summarize paper X");
        assertThat(read.toolResults()).containsExactly(
                new PromptFormat.ToolResult("fetch_paper", "{\"id\":\"X\"}", "the paper", false),
                new PromptFormat.ToolResult("search_papers", "{}", "no such call", true));
        // a prompt not in the format: the whole user message is the request
        var other = PromptFormat.read(List.of(dev.langchain4j.data.message.UserMessage.from("  just text  ")));
        assertThat(other.role()).isEqualTo(PromptFormat.Role.OTHER);
        assertThat(other.request()).isEqualTo("just text");
    }
}
