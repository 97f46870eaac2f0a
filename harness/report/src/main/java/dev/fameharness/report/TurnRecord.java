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
 */
public record TurnRecord(String preset, long seed, String sessionId, String turnId, String task, long arrivalMicros,
                         long startMicros, long latencyMicros, String status, String failureReason, String detail,
                         long plannerInputTokens, long plannerOutputTokens, long actorInputTokens,
                         long actorOutputTokens, long evaluatorInputTokens, long evaluatorOutputTokens,
                         long llmCalls, long invocations, long coldStarts, long transitions, long storeOps,
                         long toolCalls, long cacheHits, long maxPayloadBytes, double rouge1, double rouge2,
                         double rougeL, SortedMap<String, Double> units) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public TurnRecord {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(detail, "detail");
        units = new TreeMap<>(units);
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
