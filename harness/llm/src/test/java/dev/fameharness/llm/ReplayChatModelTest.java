package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayChatModelTest {

    @TempDir
    Path dir;

    private static final ToolExecutionRequest CALL = ToolExecutionRequest.builder()
            .id("call_1").name("fetch_paper").arguments("{\"id\":\"PMC1\"}").build();

    private static ChatRequest request(String user) {
        return ChatRequest.builder()
                .messages(SystemMessage.from("You summarise research papers."), UserMessage.from(user))
                .toolSpecifications(ToolSpecification.builder().name("fetch_paper").description("Full text").build())
                .build();
    }

    /** A model that answers from a list and counts its calls. */
    private static final class Canned implements ChatModel {
        final List<ChatResponse> answers;
        final List<ChatRequest> seen = new ArrayList<>();

        Canned(ChatResponse... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            seen.add(request);
            return answers.get(seen.size() - 1);
        }
    }

    @Test
    void should_replay_an_equal_response_offline_when_the_request_was_recorded() throws Exception {
        // given: a text answer and a tool-call answer with cached-token usage, recorded
        ChatResponse text = ChatResponse.builder().aiMessage(AiMessage.from("FAME cuts latency."))
                .tokenUsage(new TokenUsage(42, 5, 47)).finishReason(FinishReason.STOP)
                .id("chatcmpl-1").modelName("gpt-4o-mini-2024-07-18").build();
        ChatResponse tools = ChatResponse.builder().aiMessage(AiMessage.from(CALL))
                .tokenUsage(OpenAiTokenUsage.builder().inputTokenCount(80).outputTokenCount(12).totalTokenCount(92)
                        .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(64).build()).build())
                .finishReason(FinishReason.TOOL_EXECUTION).build();
        Canned original = new Canned(text, tools);
        ChatModel recorder = ReplayChatModel.record(original, dir);
        ChatResponse recordedText = recorder.chat(request("Summarise PMC1."));
        ChatResponse recordedTools = recorder.chat(request("Fetch PMC1."));

        // when
        ChatModel replay = ReplayChatModel.replay(dir);
        ChatResponse replayedText = replay.chat(request("Summarise PMC1."));
        ChatResponse replayedTools = replay.chat(request("Fetch PMC1."));

        // then
        assertThat(recordedText).isEqualTo(text);
        assertThat(replayedText).isEqualTo(text);
        assertThat(replayedTools.aiMessage().toolExecutionRequests()).containsExactly(CALL);
        assertThat(replayedTools.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(replayedTools.tokenUsage().inputTokenCount()).isEqualTo(80);
        assertThat(MeteredChatModel.cachedInputTokens(replayedTools.tokenUsage())).isEqualTo(64);
        assertThat(replayedTools).isEqualTo(recordedTools);
        assertThat(original.seen).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ReplayChatModel.key(request("Summarise PMC1.")) + ".json",
                            ReplayChatModel.key(request("Fetch PMC1.")) + ".json");
        }
    }

    @Test
    void should_fail_with_the_hash_and_directory_when_a_request_was_not_recorded() {
        ChatModel replay = ReplayChatModel.replay(dir);
        String key = ReplayChatModel.key(request("Never asked."));

        assertThatThrownBy(() -> replay.chat(request("Never asked.")))
                .isInstanceOfSatisfying(ReplayMissException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.isRetriable()).isFalse();
                })
                .hasMessage("no recording for request " + key + " in " + dir
                        + "; record it first with --model openai --record " + dir);
    }

    @Test
    void should_give_the_same_key_when_the_same_request_is_built_twice() {
        assertThat(ReplayChatModel.key(request("Summarise PMC1.")))
                .isEqualTo(ReplayChatModel.key(request("Summarise PMC1.")))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void should_give_different_keys_when_messages_tools_or_parameters_differ() {
        ChatRequest base = request("Summarise PMC1.");
        String key = ReplayChatModel.key(base);

        assertThat(ReplayChatModel.key(request("Summarise PMC2."))).isNotEqualTo(key);
        assertThat(ReplayChatModel.key(ChatRequest.builder().messages(base.messages()).build())).isNotEqualTo(key);
        assertThat(ReplayChatModel.key(base.toBuilder().temperature(0.7).build())).isNotEqualTo(key);
        assertThat(ReplayChatModel.key(base.toBuilder().maxOutputTokens(100).build())).isNotEqualTo(key);
        ChatRequest withResult = base.toBuilder().messages(List.of(base.messages().get(0), base.messages().get(1),
                AiMessage.from(CALL), ToolExecutionResultMessage.from(CALL, "paper text"))).build();
        ChatRequest otherResult = base.toBuilder().messages(List.of(base.messages().get(0), base.messages().get(1),
                AiMessage.from(CALL), ToolExecutionResultMessage.from(CALL, "other text"))).build();
        assertThat(ReplayChatModel.key(withResult)).isNotEqualTo(key).isNotEqualTo(ReplayChatModel.key(otherResult));
    }

    @Test
    void should_meter_replayed_usage_when_wrapped_by_the_replay_factory() {
        // given: a recording made from the simulated model
        VirtualClock clock = new VirtualClock(5);
        SimulatedChatModel simulated = SimulatedChatModel.builder().clock(clock).latency(LatencyModel.ZERO)
                .events(new EventLog()).behavior(new EchoBehavior()).build();
        ChatResponse recorded = clock.run("record", () -> ReplayChatModel.record(simulated, dir).chat(request("hello")));

        // when
        EventLog events = new EventLog();
        ChatModel replay = ChatModels.replay(dir, "gpt-4o-mini", clock, new FixedLatency(), events);
        ChatResponse replayed = clock.run("replay", () -> replay.chat(request("hello")));

        // then
        assertThat(replayed).isEqualTo(recorded);
        assertThat(events.events()).singleElement().satisfies(e -> assertThat(e).isInstanceOfSatisfying(
                dev.fameharness.api.metering.Event.LlmCall.class,
                c -> assertThat(c.inputTokens()).isEqualTo((long) recorded.tokenUsage().inputTokenCount())));
    }
}
