package dev.fameharness.llm;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;

/**
 * Meters any {@link ChatModel} (a real OpenAI-compatible endpoint, a replay): one {@link Event.LlmCall} per
 * call, with the token usage the <b>response</b> reports (input, output, and cached input where the provider
 * says, e.g. OpenAI's {@code usage.prompt_tokens_details.cached_tokens} exposed by LangChain4j as
 * {@link OpenAiTokenUsage.InputTokensDetails#cachedTokens()}). A response without usage (some compatible
 * servers omit it) is counted with {@link O200kTokenizer} instead.
 *
 * <p>Latency depends on the clock mode:
 * <ul>
 *   <li><b>wall</b>: the measured elapsed time of the real call;</li>
 *   <li><b>virtual</b>: the real call takes no virtual time (it happens while the process holds the clock), so
 *       the modeled latency for the real token counts ({@link LlmLatency}) is slept and recorded instead: a run
 *       against a real model in virtual time stays deterministic given the same responses (e.g. a replay).</li>
 * </ul>
 * Client failures are mapped to harness exceptions (429 and timeouts retriable, 400 not; see
 * {@link ModelErrors}) and metered with zero tokens and their outcome; an OpenAI {@code context_length_exceeded}
 * error becomes a {@link LimitExceededException} on {@code llm.context_window}, like the simulated model's.
 */
public final class MeteredChatModel implements ChatModel {

    private final ChatModel delegate;
    private final String modelName;
    private final Clock clock;
    private final EventSink events;
    private final LlmLatency latency;
    private final O200kTokenizer tokenizer = O200kTokenizer.instance();

    /**
     * @param modelName the name written in events and used for the latency profile's {@code llm.<model>.*}
     *                  entries (the configured name, not the dated snapshot a server may report)
     * @param latency   the calibration profile; consulted in virtual mode only (may be {@link LatencyModel#ZERO}
     *                  in wall mode)
     */
    public MeteredChatModel(ChatModel delegate, String modelName, Clock clock, LatencyModel latency, EventSink events) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.latency = clock.isVirtual() ? new LlmLatency(Objects.requireNonNull(latency, "latency"), modelName) : null;
    }

    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        long startMicros = SimulatedChatModel.toMicros(clock.now());
        ChatResponse response;
        try {
            response = delegate.chat(request);
        } catch (RuntimeException e) {
            FameException mapped = mapFailure(e, request);
            long elapsed = clock.isVirtual() ? 0 : SimulatedChatModel.toMicros(clock.now()) - startMicros;
            String outcome = mapped instanceof LimitExceededException
                    ? LlmDefaults.OUTCOME_CONTEXT_WINDOW : ModelErrors.outcome(mapped);
            events.emit(new Event.LlmCall(startMicros, Scope.current(), modelName, 0, 0, 0, elapsed, outcome));
            throw mapped;
        }
        TokenUsage usage = response.tokenUsage();
        long input = usage != null && usage.inputTokenCount() != null
                ? usage.inputTokenCount() : tokenizer.countRequest(request);
        long output = usage != null && usage.outputTokenCount() != null
                ? usage.outputTokenCount() : countOutput(response);
        long cached = cachedInputTokens(usage);
        long latencyMicros;
        if (latency != null) {
            LlmLatency.Split modeled = latency.sample(input, cached, output);
            modeled.sleep(clock);
            latencyMicros = SimulatedChatModel.toMicros(modeled.total());
        } else {
            latencyMicros = SimulatedChatModel.toMicros(clock.now()) - startMicros;
        }
        events.emit(new Event.LlmCall(startMicros, Scope.current(), modelName, input, cached, output,
                latencyMicros, LlmDefaults.OUTCOME_OK));
        return response;
    }

    /** Cached prompt tokens where the provider reports them (OpenAI), else 0. */
    static long cachedInputTokens(TokenUsage usage) {
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                && openAi.inputTokensDetails().cachedTokens() != null) {
            return openAi.inputTokensDetails().cachedTokens();
        }
        return 0;
    }

    private long countOutput(ChatResponse response) {
        var ai = response.aiMessage();
        return tokenizer.count(ai.text()) + (ai.hasToolExecutionRequests()
                ? tokenizer.countToolCalls(ai.toolExecutionRequests()) : 0);
    }

    private FameException mapFailure(RuntimeException e, ChatRequest request) {
        if (!(e instanceof FameException) && ModelErrors.isContextLengthExceeded(e)) {
            int counted = tokenizer.countRequest(request);
            return new LimitExceededException(LlmDefaults.CONTEXT_WINDOW_LIMIT, LlmDefaults.CONTEXT_WINDOW_TOKENS,
                    counted, "model '" + modelName + "' rejected a prompt of about " + counted
                            + " tokens (o200k_base count) as longer than its context window", e);
        }
        return ModelErrors.map(e, modelName);
    }
}
