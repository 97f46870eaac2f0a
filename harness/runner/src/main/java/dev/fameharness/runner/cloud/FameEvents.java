package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.metering.Event;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the metering events a deployed function wrote to its log ({@code FAME_EVENT <json>} lines, one event each,
 * as {@code EventLog.toJson} writes them): what a cloud run reads LLM usage (input, cached and output tokens by
 * role, as the model API returned them), tool calls, cache hits and store requests from, tagged with the session,
 * turn and role that caused them.
 */
public final class FameEvents {

    /** The prefix of the event lines in a function's log ({@code FameLambdaHandler.EVENT_LINE}). */
    public static final String PREFIX = "FAME_EVENT ";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Map<String, Class<? extends Event>> KINDS = Map.of(
            "LlmCall", Event.LlmCall.class, "Invocation", Event.Invocation.class,
            "Transition", Event.Transition.class, "StoreOp", Event.StoreOp.class, "ToolCall", Event.ToolCall.class,
            "CacheLookup", Event.CacheLookup.class, "TurnEnd", Event.TurnEnd.class, "Note", Event.Note.class);

    private FameEvents() {
    }

    /**
     * The event on a log line; empty for any other line. A line with the prefix that does not parse is an error
     * naming the line: the functions and this reader disagree on the format, and silently dropping it would
     * under-count.
     */
    public static Optional<Event> parse(String message) {
        String m = message.strip();
        if (!m.startsWith(PREFIX.strip())) {
            return Optional.empty();
        }
        String json = m.substring(PREFIX.strip().length()).strip();
        try {
            JsonNode node = JSON.readTree(json);
            Class<? extends Event> type = KINDS.get(node.path("kind").asText(""));
            if (type == null) {
                throw new IllegalArgumentException("unknown event kind '" + node.path("kind").asText("")
                        + "' in function log line: " + abbreviate(m));
            }
            return Optional.of(JSON.treeToValue(node, type));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed FAME_EVENT line in a function log: " + abbreviate(m), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
