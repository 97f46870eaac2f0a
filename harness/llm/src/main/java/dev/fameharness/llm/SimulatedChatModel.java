package dev.fameharness.llm;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The default model: a deterministic stand-in for GPT-4o-mini. What is real and what is modeled:
 * <ul>
 *   <li><b>real</b>: the prompt (whatever the agent built), its o200k_base token count
 *       ({@link O200kTokenizer#countRequest}), the context-window check, the answer's text or tool calls (from a
 *       {@link SimulatedBehavior}, e.g. an extractive summary of text in the prompt) and their token count;</li>
 *   <li><b>modeled</b>: the time the call takes, {@code ttft + prefill + decode} from the calibration profile
 *       ({@link LlmLatency}), let pass on the {@link Clock}; with a {@link PromptCache}, the provider's automatic
 *       prompt caching: the cached prefix of the real prompt's tokens is counted as cached input (billed at the
 *       cached rate) and takes no prefill time;</li>
 *   <li><b>not modeled</b>: sampling randomness.</li>
 * </ul>
 * Every call emits one {@link Event.LlmCall} tagged with {@link Scope#current()}: outcome {@code ok}, or
 * {@code context_window} (with zero tokens billed: the API rejects such a request before processing it) just
 * before a {@link LimitExceededException} with limit {@code llm.context_window}.
 *
 * <p>Given the same requests in the same order and the same clock seed, responses, usage, latencies and events
 * are identical. Thread-safe if its behaviour is.
 */
public final class SimulatedChatModel implements ChatModel {

    private final Clock clock;
    private final EventSink events;
    private final SimulatedBehavior behavior;
    private final O200kTokenizer tokenizer;
    private final String modelName;
    private final int contextWindowTokens;
    private final int maxOutputTokens;
    private final LlmLatency latency;
    private final PromptCache promptCache;

    private SimulatedChatModel(Builder b) {
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.events = Objects.requireNonNull(b.events, "events");
        this.behavior = Objects.requireNonNull(b.behavior, "behavior");
        this.tokenizer = Objects.requireNonNull(b.tokenizer, "tokenizer");
        this.modelName = Objects.requireNonNull(b.modelName, "modelName");
        if (b.contextWindowTokens <= 0 || b.maxOutputTokens <= 0) {
            throw new IllegalArgumentException("contextWindowTokens and maxOutputTokens must be positive, were "
                    + b.contextWindowTokens + " and " + b.maxOutputTokens);
        }
        this.contextWindowTokens = b.contextWindowTokens;
        this.maxOutputTokens = b.maxOutputTokens;
        this.latency = new LlmLatency(Objects.requireNonNull(b.latency, "latency"), modelName);
        this.promptCache = b.promptCache;
    }

    /**
     * A builder; {@code clock}, {@code latency}, {@code events} and {@code behavior} are required, the rest
     * defaults to {@link LlmDefaults} (gpt-4o-mini, 128,000-token window, 16,384 output tokens).
     */
    public static Builder builder() {
        return new Builder();
    }

    public String modelName() {
        return modelName;
    }

    public int contextWindowTokens() {
        return contextWindowTokens;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        long startMicros = toMicros(clock.now());
        int[] prompt = promptCache == null ? null : tokenizer.promptTokens(request);
        int inputTokens = prompt == null ? tokenizer.countRequest(request) : prompt.length;
        if (inputTokens > contextWindowTokens) {
            events.emit(new Event.LlmCall(startMicros, Scope.current(), modelName, 0, 0, 0, 0,
                    LlmDefaults.OUTCOME_CONTEXT_WINDOW));
            throw new LimitExceededException(LlmDefaults.CONTEXT_WINDOW_LIMIT, contextWindowTokens, inputTokens,
                    "prompt of " + inputTokens + " tokens (" + request.messages().size() + " messages) exceeds the "
                            + contextWindowTokens + "-token context window of " + modelName
                            + " (role '" + Scope.current().role() + "')");
        }

        SimulatedReply reply = Objects.requireNonNull(behavior.respond(request),
                () -> "simulated behaviour " + behavior.getClass().getName() + " returned null");
        AiMessage message;
        int outputTokens;
        FinishReason finishReason;
        if (reply instanceof SimulatedReply.Text text) {
            int limit = request.maxOutputTokens() == null
                    ? maxOutputTokens : Math.min(maxOutputTokens, request.maxOutputTokens());
            String answer = text.text();
            outputTokens = tokenizer.count(answer);
            finishReason = FinishReason.STOP;
            if (outputTokens > limit) {
                answer = tokenizer.truncate(answer, limit);
                outputTokens = tokenizer.count(answer);
                finishReason = FinishReason.LENGTH;
            }
            message = AiMessage.from(answer);
        } else {
            List<ToolExecutionRequest> calls = toolRequests((SimulatedReply.ToolCalls) reply, request);
            outputTokens = tokenizer.countToolCalls(calls);
            finishReason = FinishReason.TOOL_EXECUTION;
            message = AiMessage.from(calls);
        }

        int cached = prompt == null ? 0 : promptCache.serve(modelName, prompt, clock.now());
        LlmLatency.Split took = latency.sample(inputTokens, cached, outputTokens);
        took.sleep(clock);
        events.emit(new Event.LlmCall(startMicros, Scope.current(), modelName, inputTokens, cached, outputTokens,
                toMicros(took.total()), LlmDefaults.OUTCOME_OK));
        return ChatResponse.builder()
                .aiMessage(message)
                .tokenUsage(new TokenUsage(inputTokens, outputTokens))
                .finishReason(finishReason)
                .modelName(modelName)
                .build();
    }

    /**
     * Tool calls with deterministic ids: a hash of the conversation length, the call's position, name and
     * arguments, so ids do not depend on how many other sessions share the model.
     */
    private static List<ToolExecutionRequest> toolRequests(SimulatedReply.ToolCalls reply, ChatRequest request) {
        List<ToolExecutionRequest> out = new ArrayList<>();
        int index = 0;
        for (SimulatedReply.ToolCall call : reply.calls()) {
            String seed = request.messages().size() + "/" + index++ + "/" + call.name() + "/" + call.argumentsJson();
            out.add(ToolExecutionRequest.builder()
                    .id("call_" + sha256Hex(seed).substring(0, 24))
                    .name(call.name())
                    .arguments(call.argumentsJson())
                    .build());
        }
        return out;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static long toMicros(Duration d) {
        return d.toNanos() / 1_000;
    }

    /** Settings of a {@link SimulatedChatModel}. */
    public static final class Builder {
        private Clock clock;
        private LatencyModel latency;
        private EventSink events;
        private SimulatedBehavior behavior;
        private O200kTokenizer tokenizer = O200kTokenizer.instance();
        private String modelName = LlmDefaults.MODEL;
        private int contextWindowTokens = LlmDefaults.CONTEXT_WINDOW_TOKENS;
        private int maxOutputTokens = LlmDefaults.MAX_OUTPUT_TOKENS;
        private PromptCache promptCache;

        private Builder() {
        }

        /** The provider's prompt cache the model's calls go through; none (the default) = caching off. */
        public Builder promptCache(PromptCache promptCache) {
            this.promptCache = promptCache;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder latency(LatencyModel latency) {
            this.latency = latency;
            return this;
        }

        public Builder events(EventSink events) {
            this.events = events;
            return this;
        }

        public Builder behavior(SimulatedBehavior behavior) {
            this.behavior = behavior;
            return this;
        }

        public Builder tokenizer(O200kTokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /** The model whose profile entries ({@code llm.<model>.*}) and name are used. */
        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        public Builder contextWindowTokens(int contextWindowTokens) {
            this.contextWindowTokens = contextWindowTokens;
            return this;
        }

        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /** @throws dev.fameharness.api.error.ConfigException when the profile lacks the model's entries */
        public SimulatedChatModel build() {
            return new SimulatedChatModel(this);
        }
    }
}
