package dev.fameharness.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Test fixture: a ChatModel whose replies are scripted per role. The role is read from the system prompt
 * ({@code You are the PLANNER/ACTOR/EVALUATOR}); every request is recorded by role.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Function<ChatRequest, AiMessage> planner;
    private final Function<ChatRequest, AiMessage> actor;
    private final Function<ChatRequest, AiMessage> evaluator;
    private final Map<String, List<ChatRequest>> requests = new ConcurrentHashMap<>();

    public ScriptedChatModel(Function<ChatRequest, AiMessage> planner, Function<ChatRequest, AiMessage> actor,
                             Function<ChatRequest, AiMessage> evaluator) {
        this.planner = planner;
        this.actor = actor;
        this.evaluator = evaluator;
    }

    /** A model whose evaluator returns the given replies in order (the last one repeats). */
    public static Function<ChatRequest, AiMessage> replies(String... texts) {
        List<String> list = List.of(texts);
        int[] next = {0};
        return r -> {
            synchronized (next) {
                String t = list.get(Math.min(next[0]++, list.size() - 1));
                return AiMessage.from(t);
            }
        };
    }

    /** Replies in order (the last one repeats). */
    public static Function<ChatRequest, AiMessage> sequence(AiMessage... messages) {
        List<AiMessage> list = List.of(messages);
        int[] next = {0};
        return r -> {
            synchronized (next) {
                return list.get(Math.min(next[0]++, list.size() - 1));
            }
        };
    }

    public static final String ACCEPT = "{\"verdict\":\"accept\",\"feedback\":\"\"}";

    public static String reject(String feedback) {
        return "{\"verdict\":\"reject\",\"feedback\":\"" + feedback + "\"}";
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String role = roleOf(request.messages());
        requests.computeIfAbsent(role, k -> Collections.synchronizedList(new ArrayList<>())).add(request);
        AiMessage reply = switch (role) {
            case Prompts.PLANNER -> planner.apply(request);
            case Prompts.ACTOR -> actor.apply(request);
            case Prompts.EVALUATOR -> evaluator.apply(request);
            default -> throw new IllegalStateException("no role in the system prompt");
        };
        return ChatResponse.builder().aiMessage(reply).build();
    }

    public List<ChatRequest> requests(String role) {
        return List.copyOf(requests.getOrDefault(role, List.of()));
    }

    /** The text of the (first) user message of a request: the rendered state. */
    public static String userText(ChatRequest request) {
        return request.messages().stream().filter(m -> m instanceof UserMessage).map(m -> ((UserMessage) m).singleText())
                .findFirst().orElseThrow();
    }

    private static String roleOf(List<ChatMessage> messages) {
        String system = messages.stream().filter(m -> m instanceof SystemMessage).map(m -> ((SystemMessage) m).text())
                .findFirst().orElse("");
        if (system.startsWith("You are the PLANNER")) {
            return Prompts.PLANNER;
        }
        if (system.startsWith("You are the ACTOR")) {
            return Prompts.ACTOR;
        }
        if (system.startsWith("You are the EVALUATOR")) {
            return Prompts.EVALUATOR;
        }
        return "";
    }
}
