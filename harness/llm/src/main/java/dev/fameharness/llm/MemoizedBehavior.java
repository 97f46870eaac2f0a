package dev.fameharness.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.Objects;

/**
 * A {@link SimulatedBehavior} that answers a request it has seen before with the reply it gave then. Behaviours
 * are deterministic functions of the request by contract, so the reply is the same either way and takes no
 * virtual time; only the work of finding it again is saved. Reruns of one workload (sensitivity levels, sweeps,
 * presets that send identical prompts) ask the same questions thousands of times, and parsing a long prompt and
 * summarizing its text is most of what a simulated call costs.
 *
 * <p>{@link #of} keeps one memo per owner (weakly: an opened scenario), so that every model built on it shares one
 * memo. Holds about {@value #MAX_CHARS} characters of prompt text at most.
 */
public final class MemoizedBehavior implements SimulatedBehavior {

    /** Prompt characters the memo of one behaviour holds at most (about 2 bytes of heap each). */
    static final long MAX_CHARS = 64L << 20;

    private static final Cache<Object, MemoizedBehavior> BY_OWNER = Caffeine.newBuilder().weakKeys().build();

    private final SimulatedBehavior behavior;
    private final Cache<ChatRequest, SimulatedReply> replies = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((ChatRequest r, SimulatedReply v) -> chars(r)).build();

    private MemoizedBehavior(SimulatedBehavior behavior) {
        this.behavior = Objects.requireNonNull(behavior, "behavior");
    }

    /**
     * The memoizing behaviour of {@code owner}: the first call takes the behaviour from {@code behavior}, later
     * calls with the same owner return the same memo. The behaviour is then shared by every model of the owner,
     * so it must be thread-safe (stateless, as a deterministic function of the request is).
     */
    public static SimulatedBehavior of(Object owner, java.util.function.Supplier<SimulatedBehavior> behavior) {
        return BY_OWNER.get(owner, o -> new MemoizedBehavior(behavior.get()));
    }

    @Override
    public SimulatedReply respond(ChatRequest request) {
        return replies.get(request, r -> Objects.requireNonNull(behavior.respond(r),
                () -> "simulated behaviour " + behavior.getClass().getName() + " returned null"));
    }

    private static int chars(ChatRequest request) {
        long n = 0;
        for (ChatMessage m : request.messages()) {
            n += ChatMessages.text(m).length();
        }
        return (int) Math.min(Integer.MAX_VALUE, n + 64);
    }
}
