package dev.fameharness.llm;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.Objects;

/**
 * Modeled latency of one model call from the calibration profile: time to first token, plus prompt processing
 * for the input tokens, plus generation for the output tokens. The profile entries are
 * {@code llm.<model>.ttft} (quantity 0), {@code llm.<model>.input_token} and {@code llm.<model>.output_token}
 * (quantity = tokens; the entry returns the total for that many tokens, so a profile may model prefill as
 * sub-linear or batched). Draws come from the calling process's random stream.
 */
public final class LlmLatency {

    private final LatencyModel latency;
    private final String ttft;
    private final String input;
    private final String output;

    /**
     * @throws ConfigException when the profile lacks one of the three entries for {@code model}
     */
    public LlmLatency(LatencyModel latency, String model) {
        this.latency = Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(model, "model");
        this.ttft = LlmDefaults.ttftOperation(model);
        this.input = LlmDefaults.inputTokenOperation(model);
        this.output = LlmDefaults.outputTokenOperation(model);
        for (String op : new String[] {ttft, input, output}) {
            if (!latency.has(op)) {
                throw new ConfigException("the latency profile has no entry '" + op + "' for model '" + model
                        + "'; add " + ttft + ", " + input + " and " + output + " to the calibration profile");
            }
        }
    }

    /** One draw of the call's latency. */
    public Duration sample(long inputTokens, long outputTokens) {
        return latency.sample(ttft, 0)
                .plus(latency.sample(input, inputTokens))
                .plus(latency.sample(output, outputTokens));
    }
}
