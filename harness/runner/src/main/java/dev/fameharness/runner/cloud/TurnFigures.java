package dev.fameharness.runner.cloud;

import dev.fameharness.api.metering.Event;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.TurnScore;
import java.util.List;
import java.util.TreeMap;

/**
 * One turn's counted figures on AWS, from the invocations matched to it: model tokens by role (as the API returned
 * them), tool calls, cache hits and store requests from the events its functions logged; invocations, cold starts,
 * {@code lambda.requests} and {@code lambda.gb_s} from their REPORT lines (billed duration x memory size, AWS's own
 * billing record). The emulator's own Invocation events inside a function are not counted: AWS's REPORT line is the
 * invocation's record.
 */
record TurnFigures(long plannerIn, long plannerOut, long actorIn, long actorOut, long evaluatorIn, long evaluatorOut,
                   long llmCalls, long invocations, long coldStarts, long storeOps, long toolCalls, long cacheHits,
                   TreeMap<String, Double> units) {

    static TurnFigures of(List<FunctionLogs.Invocation> invocations) {
        long pi = 0, po = 0, ai = 0, ao = 0, ei = 0, eo = 0, calls = 0, inv = 0, cold = 0, ops = 0, tools = 0, hits = 0;
        TreeMap<String, Double> units = new TreeMap<>();
        for (FunctionLogs.Invocation i : invocations) {
            if (i.report().isPresent()) {
                LambdaReport r = i.report().get();
                inv++;
                if (r.cold()) {
                    cold++;
                }
                add(units, CostModel.LAMBDA_REQUESTS, 1);
                add(units, CostModel.LAMBDA_GB_S, r.billedDurationMs() / 1000.0 * r.memorySizeMb() / 1024.0);
            }
            for (Event e : i.events()) {
                if (e instanceof Event.LlmCall c) {
                    calls++;
                    switch (c.tags().role()) {
                        case "planner" -> { pi += c.inputTokens(); po += c.outputTokens(); }
                        case "evaluator" -> { ei += c.inputTokens(); eo += c.outputTokens(); }
                        default -> { ai += c.inputTokens(); ao += c.outputTokens(); }
                    }
                    add(units, CostModel.LLM_INPUT, c.inputTokens() - c.cachedInputTokens());
                    add(units, CostModel.LLM_CACHED_INPUT, c.cachedInputTokens());
                    add(units, CostModel.LLM_OUTPUT, c.outputTokens());
                } else if (e instanceof Event.StoreOp s) {
                    ops++;
                    s.units().forEach((u, v) -> add(units, u, v));
                } else if (e instanceof Event.ToolCall) {
                    tools++;
                } else if (e instanceof Event.CacheLookup c && "hit".equals(c.result())) {
                    hits++;
                }
            }
        }
        return new TurnFigures(pi, po, ai, ao, ei, eo, calls, inv, cold, ops, tools, hits, units);
    }

    private static void add(TreeMap<String, Double> units, String unit, double amount) {
        if (amount != 0) {
            units.merge(unit, amount, Double::sum);
        }
    }

    TurnRecord record(String preset, long seed, ScenarioTurn turn, long arrival, long start, long latency, String status,
                      String reason, String detail, long transitions, long maxPayloadBytes, TurnScore score,
                      boolean judgesCorrectness) {
        TreeMap<String, Double> u = new TreeMap<>(units);
        if (transitions > 0) {
            u.put(CostModel.SFN_TRANSITIONS, (double) transitions);
        }
        boolean completed = TurnRecord.COMPLETED.equals(status);
        TurnScore s = completed ? score : (judgesCorrectness ? TurnScore.exact(false) : TurnScore.NONE);
        return new TurnRecord(preset, seed, turn.sessionId(), turn.turnId(), turn.kind(), arrival, start, latency,
                status, reason, detail, plannerIn, plannerOut, actorIn, actorOut, evaluatorIn, evaluatorOut, llmCalls,
                invocations, coldStarts, transitions, storeOps, toolCalls, cacheHits, maxPayloadBytes, s.rouge1(),
                s.rouge2(), s.rougeL(), u).withCorrect(s.correct());
    }
}
