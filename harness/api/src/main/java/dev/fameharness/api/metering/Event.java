package dev.fameharness.api.metering;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One metered fact. Every figure in the results is aggregated from a single stream of these. Times are
 * microseconds since the start of the run in the run's clock (virtual or wall). Billing units are named
 * as in the price file ({@code dynamodb.rru}, {@code dynamodb.wru}, {@code s3.tier1}, {@code s3.tier2},
 * {@code redis.ops}, {@code lambda.requests}, {@code lambda.gb_s}, {@code sfn.transitions},
 * {@code llm.input_tokens}, ...), so cost is a sum of units times prices.
 */
public sealed interface Event permits Event.LlmCall, Event.Invocation, Event.Transition, Event.StoreOp,
        Event.ToolCall, Event.CacheLookup, Event.TurnEnd, Event.Note {

    long atMicros();

    Tags tags();

    /** The event's kind as written in the event stream. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** A call to a language model. */
    record LlmCall(long atMicros, Tags tags, String model, long inputTokens, long cachedInputTokens,
                   long outputTokens, long latencyMicros, String outcome) implements Event {
    }

    /** One function invocation as the FaaS platform bills it. */
    record Invocation(long atMicros, Tags tags, String function, int memoryMb, boolean cold, long initMicros,
                      long durationMicros, long billedMillis, double gbSeconds, long requestBytes,
                      long responseBytes, String outcome) implements Event {
    }

    /** One state transition of a workflow (billed per transition for Standard workflows). */
    record Transition(long atMicros, Tags tags, String workflow, String state, String stateType,
                      long payloadBytes) implements Event {
    }

    /** One store operation with its billing units. */
    record StoreOp(long atMicros, Tags tags, String backend, String operation, long bytes,
                   SortedMap<String, Double> units, long latencyMicros, String outcome) implements Event {
        public StoreOp {
            units = new TreeMap<>(units);
        }

        public static SortedMap<String, Double> units(Map<String, Double> units) {
            return new TreeMap<>(units);
        }
    }

    /**
     * One tool call as the agent made it; {@code cache} is {@code off}, {@code miss}, {@code hit} or
     * {@code expired}. A hit has no invocation behind it.
     */
    record ToolCall(long atMicros, Tags tags, String server, String tool, String cache, long requestBytes,
                    long responseBytes, long latencyMicros, String outcome) implements Event {
    }

    /**
     * A lookup in a tool-response cache: {@code result} is {@code hit}, {@code miss} or {@code expired}. A hit
     * serves the response without invoking the tool's function; {@code savedBytes} is the size of the tool
     * response it did not have to transfer.
     */
    record CacheLookup(long atMicros, Tags tags, String server, String tool, String result, long bytes,
                       long savedBytes) implements Event {
    }

    /** The end of a turn: its end-to-end latency, status and (when failed) its one failure reason. */
    record TurnEnd(long atMicros, Tags tags, String task, long latencyMicros, String status,
                   String failureReason, String detail) implements Event {
    }

    /** Anything else worth keeping in the stream (server start, verification result, ...). */
    record Note(long atMicros, Tags tags, String subject, String text) implements Event {
    }
}
