package dev.fameharness.llm;

import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;

/** Test fixture: gpt-4o-mini entries with fixed durations (400 ms TTFT, 10 us per input token, 20 ms per output token). */
final class FixedLatency implements LatencyModel {

    static final Duration TTFT = Duration.ofMillis(400);
    static final Duration PER_INPUT_TOKEN = Duration.ofNanos(10_000);
    static final Duration PER_OUTPUT_TOKEN = Duration.ofMillis(20);

    static Duration expected(long inputTokens, long outputTokens) {
        return TTFT.plus(PER_INPUT_TOKEN.multipliedBy(inputTokens)).plus(PER_OUTPUT_TOKEN.multipliedBy(outputTokens));
    }

    @Override
    public Duration sample(String operation, long quantity) {
        return switch (operation) {
            case "llm.gpt-4o-mini.ttft" -> TTFT;
            case "llm.gpt-4o-mini.input_token" -> PER_INPUT_TOKEN.multipliedBy(quantity);
            case "llm.gpt-4o-mini.output_token" -> PER_OUTPUT_TOKEN.multipliedBy(quantity);
            default -> throw new IllegalArgumentException("no entry " + operation);
        };
    }

    @Override
    public boolean has(String operation) {
        return operation.startsWith("llm.gpt-4o-mini.");
    }
}
