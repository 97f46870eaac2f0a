package dev.fameharness.report;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One turn of one preset in one run, aggregated from the event stream: what the per-turn CSV holds and what
 * costs, statistics and charts are computed from. Token counts are by role; {@code units} are the turn's
 * billing units keyed as in the price file ({@code lambda.requests}, {@code lambda.gb_s},
 * {@code sfn.transitions}, {@code dynamodb.rru}, {@code dynamodb.wru}, {@code s3.tier1}, {@code s3.tier2},
 * {@code s3.bytes_in}, {@code s3.bytes_out}, {@code redis.ops}, {@code redis.bytes},
 * {@code llm.input_tokens}, {@code llm.cached_input_tokens}, {@code llm.output_tokens}).
 *
 * @param status        {@code completed} or {@code failed}
 * @param failureReason empty when completed, else a {@link dev.fameharness.api.metering.FailureReason#label()}
 * @param rouge1        ROUGE-1 F1 (stemmed) against the reference summary; 0 for a failed turn
 * @param correct       {@link #CORRECT}, {@link #WRONG} (a failed turn, or an answer about the wrong subject or with
 *                      the wrong value) or {@link #NOT_SCORED}, as the scenario's scoring decides
 * @param latencyParts  the turn's service latency split along its critical path, in microseconds, keyed by part
 *                      ({@code llm.ttft}, {@code llm.prefill}, {@code llm.decode}, {@code tool},
 *                      {@code state.kv}, {@code state.object}, {@code orchestration}, {@code cold_start},
 *                      {@code retry}, ...); when not empty the parts sum exactly to {@code latencyMicros}.
 *                      Queueing before the turn starts ({@code startMicros - arrivalMicros}) is not a part.
 */
public record TurnRecord(String preset, long seed, String sessionId, String turnId, String task, long arrivalMicros,
                         long startMicros, long latencyMicros, String status, String failureReason, String detail,
                         long plannerInputTokens, long plannerOutputTokens, long actorInputTokens,
                         long actorOutputTokens, long evaluatorInputTokens, long evaluatorOutputTokens,
                         long llmCalls, long invocations, long coldStarts, long transitions, long storeOps,
                         long toolCalls, long cacheHits, long maxPayloadBytes, double rouge1, double rouge2,
                         double rougeL, SortedMap<String, Double> units, int correct,
                         SortedMap<String, Long> latencyParts) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final int CORRECT = 1;
    public static final int WRONG = 0;
    public static final int NOT_SCORED = -1;

    public TurnRecord {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(detail, "detail");
        units = new TreeMap<>(units);
        if (correct < NOT_SCORED || correct > CORRECT) {
            throw new IllegalArgumentException("correct must be 1, 0 or -1, was " + correct);
        }
        latencyParts = new TreeMap<>(latencyParts);
    }

    /** A record without a correctness verdict or a latency attribution. */
    public TurnRecord(String preset, long seed, String sessionId, String turnId, String task, long arrivalMicros,
                      long startMicros, long latencyMicros, String status, String failureReason, String detail,
                      long plannerInputTokens, long plannerOutputTokens, long actorInputTokens,
                      long actorOutputTokens, long evaluatorInputTokens, long evaluatorOutputTokens,
                      long llmCalls, long invocations, long coldStarts, long transitions, long storeOps,
                      long toolCalls, long cacheHits, long maxPayloadBytes, double rouge1, double rouge2,
                      double rougeL, SortedMap<String, Double> units) {
        this(preset, seed, sessionId, turnId, task, arrivalMicros, startMicros, latencyMicros, status, failureReason,
                detail, plannerInputTokens, plannerOutputTokens, actorInputTokens, actorOutputTokens,
                evaluatorInputTokens, evaluatorOutputTokens, llmCalls, invocations, coldStarts, transitions, storeOps,
                toolCalls, cacheHits, maxPayloadBytes, rouge1, rouge2, rougeL, units, NOT_SCORED, new TreeMap<>());
    }

    /** This record with a correctness verdict. */
    public TurnRecord withCorrect(int verdict) {
        return new TurnRecord(preset, seed, sessionId, turnId, task, arrivalMicros, startMicros, latencyMicros, status,
                failureReason, detail, plannerInputTokens, plannerOutputTokens, actorInputTokens, actorOutputTokens,
                evaluatorInputTokens, evaluatorOutputTokens, llmCalls, invocations, coldStarts, transitions, storeOps,
                toolCalls, cacheHits, maxPayloadBytes, rouge1, rouge2, rougeL, units, verdict, latencyParts);
    }

    /** This record with its latency split into parts (microseconds). */
    public TurnRecord withLatencyParts(SortedMap<String, Long> parts) {
        return new TurnRecord(preset, seed, sessionId, turnId, task, arrivalMicros, startMicros, latencyMicros, status,
                failureReason, detail, plannerInputTokens, plannerOutputTokens, actorInputTokens, actorOutputTokens,
                evaluatorInputTokens, evaluatorOutputTokens, llmCalls, invocations, coldStarts, transitions, storeOps,
                toolCalls, cacheHits, maxPayloadBytes, rouge1, rouge2, rougeL, units, correct, parts);
    }

    /** Microseconds from the request's arrival to its answer: queueing behind the session's earlier turn included. */
    public long userLatencyMicros() {
        return startMicros - arrivalMicros + latencyMicros;
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public long inputTokens() {
        return plannerInputTokens + actorInputTokens + evaluatorInputTokens;
    }

    public long outputTokens() {
        return plannerOutputTokens + actorOutputTokens + evaluatorOutputTokens;
    }

    public double unit(String name) {
        return units.getOrDefault(name, 0.0);
    }
}
