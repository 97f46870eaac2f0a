package dev.fameharness.faults;

import dev.fameharness.api.error.RetriableException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * Injects model faults into any LangChain4j {@link ChatModel}; every call is one decision per kind, and a hit
 * call never reaches the delegate (no tokens are used or billed):
 *
 * <ul>
 *   <li>{@link FaultKind#LLM_RATE_LIMIT}: throws {@link RetriableException} with code {@value #RATE_LIMIT} at once,
 *       as fame-llm maps an HTTP 429.</li>
 *   <li>{@link FaultKind#LLM_TIMEOUT}: {@link FaultPlan#llmTimeoutAfter()} passes on the clock (the client waited
 *       for its whole timeout), then throws {@link RetriableException} with code {@value #TIMEOUT}, as fame-llm
 *       maps a client timeout.</li>
 * </ul>
 *
 * Wire it outside the metered model ({@code Faulty(Metered(model))} or around {@code SimulatedChatModel}): an
 * injected failure is noted as a fault, not metered as an {@code LlmCall}.
 */
public final class FaultyChatModel implements ChatModel {

    /** fame-llm's code for an HTTP 429. */
    public static final String RATE_LIMIT = "RateLimit";
    /** fame-llm's code for a client-side timeout. */
    public static final String TIMEOUT = "Timeout";

    private final ChatModel delegate;
    private final FaultInjector faults;
    private final String target;

    /** @param target what notes name as the fault's target, e.g. the model name {@code gpt-4o-mini} */
    public FaultyChatModel(ChatModel delegate, FaultInjector faults, String target) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.target = Objects.requireNonNull(target, "target");
    }

    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (faults.inject(FaultKind.LLM_RATE_LIMIT, target)) {
            throw new RetriableException(RATE_LIMIT, "call to model '" + target
                    + "' failed: rate limited (HTTP 429): injected fault");
        }
        if (faults.inject(FaultKind.LLM_TIMEOUT, target)) {
            faults.clock().sleep(faults.plan().llmTimeoutAfter(), dev.fameharness.api.time.LatencyPart.RETRY);
            throw new RetriableException(TIMEOUT, "call to model '" + target + "' failed: timed out after "
                    + faults.plan().llmTimeoutAfter().toMillis() + " ms: injected fault");
        }
        return delegate.chat(request);
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public String toString() {
        return "Faulty" + delegate;
    }
}
