package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedChatModelTest {

    private static final Tags TAGS = new Tags("fame", "s001", "s001-t01", "actor");

    private final VirtualClock clock = new VirtualClock(7);
    private final EventLog events = new EventLog();
    private final O200kTokenizer tokenizer = O200kTokenizer.instance();

    private SimulatedChatModel model(SimulatedBehavior behavior) {
        return SimulatedChatModel.builder()
                .clock(clock).latency(new FixedLatency()).events(events).behavior(behavior).build();
    }

    private static ChatRequest request(String user) {
        return ChatRequest.builder()
                .messages(SystemMessage.from("You summarise research papers."), UserMessage.from(user))
                .build();
    }

    @Test
    void should_answer_with_behaviour_text_and_real_token_usage_when_behaviour_answers_text() {
        // given
        SimulatedChatModel model = model(new EchoBehavior());
        ChatRequest request = request("hello world");

        // when
        ChatResponse response = clock.run("main", () -> model.chat(request));

        // then
        assertThat(response.aiMessage().text()).isEqualTo("echo: hello world");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(tokenizer.countRequest(request));
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(tokenizer.count("echo: hello world"));
        assertThat(response.modelName()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void should_let_the_modeled_latency_pass_and_meter_it_when_called_in_virtual_time() {
        // given: the call starts at 5 ms
        SimulatedChatModel model = model(new EchoBehavior());
        ChatRequest request = request("Summarise the paper on serverless agents.");
        int input = tokenizer.countRequest(request);
        int output = tokenizer.count("echo: Summarise the paper on serverless agents.");

        // when
        Duration elapsed = clock.run("main", () -> {
            clock.sleep(Duration.ofMillis(5));
            try (Scope s = Scope.with(TAGS)) {
                model.chat(request);
            }
            return clock.now().minusMillis(5);
        });

        // then
        Duration expected = FixedLatency.expected(input, output);
        assertThat(elapsed).isEqualTo(expected);
        assertThat(events.events(Event.LlmCall.class)).containsExactly(new Event.LlmCall(
                5_000, TAGS, "gpt-4o-mini", input, 0, output, expected.toNanos() / 1_000, "ok"));
    }

    @Test
    void should_count_the_cached_prefix_and_skip_its_prefill_when_a_long_prompt_repeats_within_the_cache_lifetime() {
        // given: a 2,000-token system prompt shared by two calls, the prompt cache on
        SimulatedChatModel model = SimulatedChatModel.builder().clock(clock).latency(new FixedLatency())
                .events(events).behavior(new EchoBehavior())
                .promptCache(new PromptCache(1024, 128, Duration.ofMinutes(5))).build();
        String system = "word ".repeat(2000);
        ChatRequest first = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from("first question")).build();
        ChatRequest second = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from("another question")).build();
        int input = tokenizer.countRequest(second);

        // when
        Duration secondTook = clock.run("main", () -> {
            try (Scope s = Scope.with(TAGS)) {
                model.chat(first);
                clock.sleep(Duration.ofMinutes(1));
                Duration start = clock.now();
                model.chat(second);
                return clock.now().minus(start);
            }
        });

        // then: the shared prefix (system message and its framing) in 128-token blocks is cached
        List<Event.LlmCall> calls = events.events(Event.LlmCall.class);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).cachedInputTokens()).isZero();
        long cached = calls.get(1).cachedInputTokens();
        assertThat(cached).isPositive().isLessThan(input);
        assertThat((cached - 1024) % 128).isZero();
        assertThat(calls.get(1).inputTokens()).isEqualTo(input);
        int output = tokenizer.count("echo: another question");
        assertThat(secondTook).isEqualTo(FixedLatency.expected(input - cached, output));
    }

    @Test
    void should_return_tool_calls_with_deterministic_ids_when_behaviour_calls_tools() {
        // given
        ToolSpecification fetch = ToolSpecification.builder().name("fetch_paper").description("Full text of a paper").build();
        SimulatedChatModel model = model(r -> SimulatedReply.toolCalls(List.of(
                new SimulatedReply.ToolCall("fetch_paper", "{\"id\":\"PMC1\"}"),
                new SimulatedReply.ToolCall("fetch_paper", "{\"id\":\"PMC2\"}"))));
        ChatRequest request = request("Compare PMC1 and PMC2").toBuilder().toolSpecifications(fetch).build();

        // when
        ChatResponse first = clock.run("main", () -> model.chat(request));
        ChatResponse again = clock.run("again", () -> model.chat(request));

        // then
        List<ToolExecutionRequest> calls = first.aiMessage().toolExecutionRequests();
        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(calls).extracting(ToolExecutionRequest::name).containsExactly("fetch_paper", "fetch_paper");
        assertThat(calls).extracting(ToolExecutionRequest::arguments).containsExactly("{\"id\":\"PMC1\"}", "{\"id\":\"PMC2\"}");
        assertThat(calls.get(0).id()).startsWith("call_").isNotEqualTo(calls.get(1).id());
        assertThat(again.aiMessage().toolExecutionRequests()).isEqualTo(calls);
        assertThat(first.tokenUsage().outputTokenCount()).isEqualTo(tokenizer.countToolCalls(calls));
        assertThat(first.tokenUsage().inputTokenCount()).isEqualTo(tokenizer.countRequest(request));
    }

    @Test
    void should_fail_with_context_window_limit_and_meter_it_when_prompt_is_too_long() {
        // given: a 50-token window and a longer prompt
        SimulatedChatModel model = SimulatedChatModel.builder().clock(clock).latency(new FixedLatency())
                .events(events).behavior(new EchoBehavior()).contextWindowTokens(50).build();
        ChatRequest request = request("word ".repeat(100));
        int input = tokenizer.countRequest(request);

        // when / then
        assertThatThrownBy(() -> clock.run("main", () -> {
            try (Scope s = Scope.with(TAGS)) {
                return model.chat(request);
            }
        }))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo("llm.context_window");
                    assertThat(e.maximum()).isEqualTo(50);
                    assertThat(e.actual()).isEqualTo(input);
                    assertThat(e.isRetriable()).isFalse();
                })
                .hasMessageContaining("exceeds the 50-token context window of gpt-4o-mini");
        assertThat(events.events(Event.LlmCall.class)).containsExactly(
                new Event.LlmCall(0, TAGS, "gpt-4o-mini", 0, 0, 0, 0, "context_window"));
        assertThat(clock.now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void should_accept_a_prompt_exactly_at_the_window_when_counting_to_the_limit() {
        ChatRequest request = request("hello world");
        int input = tokenizer.countRequest(request);
        SimulatedChatModel model = SimulatedChatModel.builder().clock(clock).latency(LatencyModel.ZERO)
                .events(events).behavior(new EchoBehavior()).contextWindowTokens(input).build();

        ChatResponse response = clock.run("main", () -> model.chat(request));

        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(input);
    }

    @Test
    void should_truncate_and_finish_with_length_when_answer_exceeds_max_output_tokens() {
        SimulatedChatModel model = model(r -> SimulatedReply.text("The quick brown fox jumps over the lazy dog."));
        ChatRequest request = request("hello").toBuilder().maxOutputTokens(3).build();

        ChatResponse response = clock.run("main", () -> model.chat(request));

        assertThat(response.aiMessage().text()).isEqualTo("The quick brown");
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(3);
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void should_produce_identical_events_when_the_same_run_is_repeated() {
        List<Event> first = runTwoCalls();
        List<Event> second = runTwoCalls();

        assertThat(second).isEqualTo(first).hasSize(2);
    }

    private static List<Event> runTwoCalls() {
        VirtualClock c = new VirtualClock(42);
        EventLog log = new EventLog();
        SimulatedChatModel m = SimulatedChatModel.builder().clock(c).latency(new FixedLatency()).events(log)
                .behavior(new EchoBehavior()).build();
        c.run("main", () -> {
            m.chat(request("first question"));
            return m.chat(request("second, longer question about the paper"));
        });
        return log.events();
    }

    @Test
    void should_reject_the_configuration_when_the_profile_lacks_the_model_entries() {
        assertThatThrownBy(() -> SimulatedChatModel.builder().clock(clock).latency(new FixedLatency())
                .events(events).behavior(new EchoBehavior()).modelName("gpt-5").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.gpt-5.ttft");
    }
}
