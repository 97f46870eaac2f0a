package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.clock.WallClock;
import dev.fameharness.platform.metering.EventLog;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code openai} model against a fake OpenAI-compatible server on 127.0.0.1. */
class OpenAiChatModelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tags TAGS = new Tags("fame", "s001", "s001-t01", "actor");

    private static final String TEXT_RESPONSE = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"FAME cuts latency."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":42,"completion_tokens":5,"total_tokens":47,
                      "prompt_tokens_details":{"cached_tokens":32}}}""";

    private static final String TOOL_RESPONSE = """
            {"id":"chatcmpl-2","object":"chat.completion","created":1700000001,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_abc","type":"function",
                              "function":{"name":"fetch_paper","arguments":"{\\"id\\":\\"PMC1\\"}"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}""";

    private static final ToolSpecification FETCH = ToolSpecification.builder()
            .name("fetch_paper")
            .description("Full text of a paper")
            .parameters(JsonObjectSchema.builder().addStringProperty("id", "PMC id").required("id").build())
            .build();

    private static ChatRequest request() {
        return ChatRequest.builder()
                .messages(SystemMessage.from("You summarise research papers."), UserMessage.from("Summarise PMC1."))
                .build();
    }

    private static OpenAiSettings settings(FakeOpenAiServer server, Duration timeout) {
        return new OpenAiSettings(server.baseUrl(), "test-key", "gpt-4o-mini", timeout);
    }

    @Test
    void should_send_the_prompt_and_meter_the_reported_usage_when_the_server_answers_text() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(200, TEXT_RESPONSE)) {
            // given
            EventLog events = new EventLog();
            WallClock clock = new WallClock(1, 0);
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)), clock,
                    LatencyModel.ZERO, events);

            // when
            ChatResponse response;
            try (Scope s = Scope.with(TAGS)) {
                response = model.chat(request());
            }

            // then: the request the model sent
            assertThat(server.requests()).hasSize(1);
            JsonNode sent = JSON.readTree(server.requests().get(0));
            assertThat(sent.get("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(sent.get("temperature").asDouble()).isZero();
            assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("system");
            assertThat(sent.get("messages").get(0).get("content").asText()).isEqualTo("You summarise research papers.");
            assertThat(sent.get("messages").get(1).get("role").asText()).isEqualTo("user");
            assertThat(sent.get("messages").get(1).get("content").asText()).isEqualTo("Summarise PMC1.");
            assertThat(sent.has("tools")).isFalse();
            // and the response and usage read back
            assertThat(response.aiMessage().text()).isEqualTo("FAME cuts latency.");
            assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(42);
            assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
            assertThat(MeteredChatModel.cachedInputTokens(response.tokenUsage())).isEqualTo(32);
            Event.LlmCall call = events.events(Event.LlmCall.class).get(0);
            assertThat(call.tags()).isEqualTo(TAGS);
            assertThat(call.model()).isEqualTo("gpt-4o-mini");
            assertThat(call.inputTokens()).isEqualTo(42);
            assertThat(call.cachedInputTokens()).isEqualTo(32);
            assertThat(call.outputTokens()).isEqualTo(5);
            assertThat(call.latencyMicros()).isPositive();
            assertThat(call.outcome()).isEqualTo("ok");
        }
    }

    @Test
    void should_send_tool_definitions_and_read_tool_calls_when_the_server_calls_a_tool() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(200, TOOL_RESPONSE)) {
            // given
            EventLog events = new EventLog();
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)),
                    new WallClock(1, 0), LatencyModel.ZERO, events);

            // when
            ChatResponse response = model.chat(request().toBuilder().toolSpecifications(FETCH).build());

            // then
            JsonNode tool = JSON.readTree(server.requests().get(0)).get("tools").get(0);
            assertThat(tool.get("type").asText()).isEqualTo("function");
            assertThat(tool.get("function").get("name").asText()).isEqualTo("fetch_paper");
            assertThat(tool.get("function").get("parameters").get("properties").has("id")).isTrue();
            assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
            ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
            assertThat(call.id()).isEqualTo("call_abc");
            assertThat(call.name()).isEqualTo("fetch_paper");
            assertThat(call.arguments()).isEqualTo("{\"id\":\"PMC1\"}");
            assertThat(events.events(Event.LlmCall.class)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.inputTokens()).isEqualTo(80);
                        assertThat(e.outputTokens()).isEqualTo(12);
                        assertThat(e.cachedInputTokens()).isZero();
                    });
        }
    }

    @Test
    void should_sleep_the_modeled_latency_of_the_real_usage_when_running_in_virtual_time() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(200, TEXT_RESPONSE)) {
            // given
            EventLog events = new EventLog();
            VirtualClock clock = new VirtualClock(3);
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)), clock,
                    new FixedLatency(), events);

            // when
            clock.run("main", () -> model.chat(request()));

            // then: 42 input (32 of them cached: no prefill) and 5 output tokens as reported by the server
            Duration expected = FixedLatency.expected(42 - 32, 5);
            assertThat(clock.now()).isEqualTo(expected);
            assertThat(events.events(Event.LlmCall.class).get(0).latencyMicros()).isEqualTo(expected.toNanos() / 1_000);
        }
    }

    @Test
    void should_throw_a_retriable_rate_limit_without_client_retries_when_the_server_answers_429() throws Exception {
        String error = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(429, error).respond(200, TEXT_RESPONSE)) {
            // given
            EventLog events = new EventLog();
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)),
                    new WallClock(1, 0), LatencyModel.ZERO, events);

            // when / then
            assertThatThrownBy(() -> model.chat(request()))
                    .isInstanceOfSatisfying(RetriableException.class, e -> {
                        assertThat(e.code()).isEqualTo("RateLimit");
                        assertThat(e.isRetriable()).isTrue();
                    })
                    .hasMessageContaining("HTTP 429");
            assertThat(server.requests()).hasSize(1);
            assertThat(events.events(Event.LlmCall.class)).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo("rate_limit"));
        }
    }

    @Test
    void should_throw_a_non_retriable_exception_when_the_server_answers_400() throws Exception {
        String error = "{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"type\":\"invalid_request_error\",\"code\":null}}";
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(400, error)) {
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)),
                    new WallClock(1, 0), LatencyModel.ZERO, new EventLog());

            assertThatThrownBy(() -> model.chat(request()))
                    .isInstanceOfSatisfying(ModelCallException.class, e -> {
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.statusCode()).isEqualTo(400);
                    })
                    .hasMessageContaining("invalid request");
        }
    }

    @Test
    void should_report_the_context_window_limit_when_the_server_rejects_a_long_prompt() throws Exception {
        String error = "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";
        try (FakeOpenAiServer server = new FakeOpenAiServer().respond(400, error)) {
            EventLog events = new EventLog();
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofSeconds(10)),
                    new WallClock(1, 0), LatencyModel.ZERO, events);

            assertThatThrownBy(() -> model.chat(request()))
                    .isInstanceOfSatisfying(LimitExceededException.class,
                            e -> assertThat(e.limit()).isEqualTo("llm.context_window"));
            assertThat(events.events(Event.LlmCall.class).get(0).outcome()).isEqualTo("context_window");
        }
    }

    @Test
    void should_throw_a_retriable_timeout_when_the_server_does_not_answer_in_time() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer().hang()) {
            MeteredChatModel model = ChatModels.openAi(settings(server, Duration.ofMillis(300)),
                    new WallClock(1, 0), LatencyModel.ZERO, new EventLog());

            assertThatThrownBy(() -> model.chat(request()))
                    .isInstanceOfSatisfying(RetriableException.class, e -> assertThat(e.code()).isEqualTo("Timeout"));
        }
    }

    @Test
    void should_refuse_settings_without_an_api_key_when_the_environment_has_none() {
        assertThatThrownBy(() -> OpenAiSettings.fromEnvironment(Map.of(), null, "gpt-4o-mini"))
                .isInstanceOf(FameException.class)
                .hasMessageContaining("OPENAI_API_KEY");
        assertThat(OpenAiSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "k"), null, "gpt-4o-mini").baseUrl())
                .isEqualTo("https://api.openai.com/v1");
        assertThat(new OpenAiSettings("http://x/v1", "secret", "m", Duration.ofSeconds(1)).toString())
                .doesNotContain("secret");
    }
}
