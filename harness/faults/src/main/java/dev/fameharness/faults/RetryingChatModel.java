package dev.fameharness.faults;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * Retries a LangChain4j {@link ChatModel}'s retryable failures (fame-llm's {@code RateLimit}, {@code Timeout},
 * {@code ServerError}, {@code ConnectionError}) through a {@link Retrier}, so that retries take clock time and
 * are visible in the event stream (fame-llm builds real clients with {@code maxRetries(0)} for that reason). A
 * 429 backs off with the throttling base. Invalid requests and context-window overflows are not retried.
 */
public final class RetryingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final Retrier retrier;
    private final String target;

    /** @param target what retry notes name, e.g. the model name {@code gpt-4o-mini} */
    public RetryingChatModel(ChatModel delegate, Retrier retrier, String target) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
        this.target = Objects.requireNonNull(target, "target");
    }

    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return retrier.call("llm " + target, () -> delegate.chat(request));
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
        return "Retrying" + delegate;
    }
}
