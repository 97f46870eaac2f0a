package dev.fameharness.llm;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * Modeled latency of one model call from the calibration profile: time to first token, plus prompt processing
 * (prefill) for the input tokens the provider did not serve from its prompt cache, plus generation (decode) for
 * the output tokens. The profile entries are {@code llm.<model>.ttft} (quantity 0), {@code llm.<model>.input_token}
 * and {@code llm.<model>.output_token} (quantity = tokens; the entry returns the total for that many tokens, so a
 * profile may model prefill as sub-linear or batched). A cached prefix is assumed to take no prefill time (the
 * provider reuses its computed attention state; OpenAI says caching cuts latency, without a per-token figure).
 * Draws are keyed by the calling role (the current {@link Scope} role) and the call's ordinal in the turn, so the
 * same call draws the same time in every architecture.
 */
public final class LlmLatency {

    /** One call's modeled time, by part. */
    public record Split(Duration ttft, Duration prefill, Duration decode) {
        public Split {
            Objects.requireNonNull(ttft, "ttft");
            Objects.requireNonNull(prefill, "prefill");
            Objects.requireNonNull(decode, "decode");
        }

        public Duration total() {
            return ttft.plus(prefill).plus(decode);
        }

        /** Lets the three parts pass on {@code clock}, each booked under its {@link LatencyPart}. */
        public void sleep(Clock clock) {
            clock.sleep(ttft, LatencyPart.LLM_TTFT);
            clock.sleep(prefill, LatencyPart.LLM_PREFILL);
            clock.sleep(decode, LatencyPart.LLM_DECODE);
        }
    }

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

    /** One draw of the call's latency; {@code cachedInputTokens} of the input take no prefill time. */
    public Split sample(long inputTokens, long cachedInputTokens, long outputTokens) {
        String role = Scope.current().role();
        return new Split(latency.sample(ttft, 0, role),
                latency.sample(input, Math.max(0, inputTokens - cachedInputTokens), role),
                latency.sample(output, outputTokens, role));
    }
}
