package dev.fameharness.faults;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;

/** Answers "ok" after throwing the failures queued in {@link #failures}; counts calls. */
final class StubChatModel implements ChatModel {

    final Deque<RuntimeException> failures = new ArrayDeque<>();
    int calls;

    @Override
    public ChatResponse doChat(ChatRequest request) {
        calls++;
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
    }
}
