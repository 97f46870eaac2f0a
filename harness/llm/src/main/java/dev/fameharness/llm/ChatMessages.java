package dev.fameharness.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * Reads the text of LangChain4j messages the way the OpenAI chat API receives them. Shared by the
 * tokenizer, the simulated model's behaviours and the replay key, so that all three see the same text.
 * Only text content is supported: the workload sends no images or audio, and counting them needs
 * rules this harness does not model.
 */
public final class ChatMessages {

    private ChatMessages() {
    }

    /** The OpenAI role of a message: {@code system}, {@code user}, {@code assistant} or {@code tool}. */
    public static String role(ChatMessage message) {
        return switch (message.type()) {
            case SYSTEM -> "system";
            case USER -> "user";
            case AI -> "assistant";
            case TOOL_EXECUTION_RESULT -> "tool";
            case CUSTOM -> "custom";
        };
    }

    /**
     * The text content of a message ({@code ""} for an assistant message that only calls tools). Tool
     * calls of an assistant message are not included: see {@link AiMessage#toolExecutionRequests()}.
     *
     * @throws IllegalArgumentException for non-text content (images, audio, files)
     */
    public static String text(ChatMessage message) {
        if (message instanceof SystemMessage m) {
            return m.text();
        }
        if (message instanceof UserMessage m) {
            return contentText(m.contents(), "user message");
        }
        if (message instanceof AiMessage m) {
            return m.text() == null ? "" : m.text();
        }
        if (message instanceof ToolExecutionResultMessage m) {
            return m.text() == null ? "" : m.text();
        }
        throw new IllegalArgumentException("unsupported message type " + message.type()
                + "; the OpenAI chat API accepts system, user, assistant and tool messages");
    }

    /** The tool calls of an assistant message; empty for every other message. */
    public static List<ToolExecutionRequest> toolCalls(ChatMessage message) {
        if (message instanceof AiMessage m && m.hasToolExecutionRequests()) {
            return m.toolExecutionRequests();
        }
        return List.of();
    }

    /** The optional participant name of a user message ({@code ""} when absent). */
    public static String name(ChatMessage message) {
        if (message instanceof UserMessage m && m.name() != null) {
            return m.name();
        }
        return "";
    }

    private static String contentText(List<Content> contents, String what) {
        StringBuilder sb = new StringBuilder();
        for (Content c : contents) {
            if (c instanceof TextContent t) {
                sb.append(t.text());
            } else {
                throw new IllegalArgumentException(what + " has " + c.type()
                        + " content; only text is supported by the harness's models and tokenizer");
            }
        }
        return sb.toString();
    }
}
