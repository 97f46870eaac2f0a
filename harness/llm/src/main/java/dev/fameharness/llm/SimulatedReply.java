package dev.fameharness.llm;

import java.util.List;
import java.util.Objects;

/** What a {@link SimulatedBehavior} answers: either text or tool calls. */
public sealed interface SimulatedReply permits SimulatedReply.Text, SimulatedReply.ToolCalls {

    /** A text answer (finish reason STOP). */
    static SimulatedReply text(String text) {
        return new Text(text);
    }

    /** One or more tool calls (finish reason TOOL_EXECUTION). */
    static SimulatedReply toolCalls(List<ToolCall> calls) {
        return new ToolCalls(calls);
    }

    /** A single tool call. */
    static SimulatedReply toolCall(String name, String argumentsJson) {
        return new ToolCalls(List.of(new ToolCall(name, argumentsJson)));
    }

    /** A text answer. */
    record Text(String text) implements SimulatedReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Tool calls, in the order the model makes them. */
    record ToolCalls(List<ToolCall> calls) implements SimulatedReply {
        public ToolCalls {
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a tool-call reply needs at least one call; answer with text instead");
            }
        }
    }

    /** One call: the tool's name and its arguments as a JSON object text, e.g. {@code {"paperId":"PMC123"}}. */
    record ToolCall(String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
            if (name.isBlank()) {
                throw new IllegalArgumentException("tool name must not be blank");
            }
        }
    }
}
