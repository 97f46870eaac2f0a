package dev.fameharness.runner.engine;

import dev.fameharness.api.metering.Event;
import dev.fameharness.report.TurnRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the event stream into per-turn figures. Every figure is a count of metered events: tokens from LLM
 * calls, invocations, transitions, store operations and their billing units, tool calls, cache hits.
 */
final class TurnAggregator {

    /** Mutable per-turn accumulator. */
    static final class Acc {
        long plannerIn, plannerOut, actorIn, actorOut, evaluatorIn, evaluatorOut;
        long llmCalls, invocations, coldStarts, transitions, storeOps, toolCalls, cacheHits, maxPayloadBytes;
        final TreeMap<String, Double> units = new TreeMap<>();

        void add(String unit, double amount) {
            if (amount != 0) {
                units.merge(unit, amount, Double::sum);
            }
        }
    }

    private final Map<String, Acc> byTurn = new HashMap<>();

    TurnAggregator(Iterable<Event> events) {
        for (Event e : events) {
            String turn = e.tags().turn();
            if (turn.isEmpty()) {
                continue;
            }
            Acc a = byTurn.computeIfAbsent(turn, t -> new Acc());
            if (e instanceof Event.LlmCall c) {
                a.llmCalls++;
                long in = c.inputTokens();
                long out = c.outputTokens();
                switch (c.tags().role()) {
                    case "planner" -> { a.plannerIn += in; a.plannerOut += out; }
                    case "evaluator" -> { a.evaluatorIn += in; a.evaluatorOut += out; }
                    default -> { a.actorIn += in; a.actorOut += out; }
                }
                a.add("llm.input_tokens", in - c.cachedInputTokens());
                a.add("llm.cached_input_tokens", c.cachedInputTokens());
                a.add("llm.output_tokens", out);
            } else if (e instanceof Event.Invocation i) {
                a.invocations++;
                if (i.cold()) {
                    a.coldStarts++;
                }
                a.add("lambda.requests", 1);
                a.add("lambda.gb_s", i.gbSeconds());
                a.maxPayloadBytes = Math.max(a.maxPayloadBytes, Math.max(i.requestBytes(), i.responseBytes()));
            } else if (e instanceof Event.Transition t) {
                a.transitions++;
                a.add("sfn.transitions", 1);
                a.maxPayloadBytes = Math.max(a.maxPayloadBytes, t.payloadBytes());
            } else if (e instanceof Event.StoreOp s) {
                a.storeOps++;
                s.units().forEach(a::add);
            } else if (e instanceof Event.ToolCall) {
                a.toolCalls++;
            } else if (e instanceof Event.CacheLookup c && "hit".equals(c.result())) {
                a.cacheHits++;
            }
        }
    }

    Acc of(String turnId) {
        return byTurn.getOrDefault(turnId, new Acc());
    }

    static TurnRecord record(String preset, long seed, String session, String turn, String task, long arrival,
                             long start, long latency, String status, String reason, String detail, Acc a,
                             double r1, double r2, double rl) {
        return new TurnRecord(preset, seed, session, turn, task, arrival, start, latency, status, reason, detail,
                a.plannerIn, a.plannerOut, a.actorIn, a.actorOut, a.evaluatorIn, a.evaluatorOut, a.llmCalls,
                a.invocations, a.coldStarts, a.transitions, a.storeOps, a.toolCalls, a.cacheHits, a.maxPayloadBytes,
                r1, r2, rl, new TreeMap<>(a.units));
    }
}
