package dev.fameharness.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;

/**
 * A trivial behaviour for tests and smoke runs: answers with the text of the last user message, prefixed.
 * Never calls tools.
 */
public final class EchoBehavior implements SimulatedBehavior {

    private final String prefix;

    public EchoBehavior() {
        this("echo: ");
    }

    public EchoBehavior(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public SimulatedReply respond(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return SimulatedReply.text(prefix + ChatMessages.text(user));
            }
        }
        return SimulatedReply.text(prefix);
    }
}
