package dev.fameharness.runner.sensitivity;

import dev.fameharness.report.claims.ClaimComparison;
import dev.fameharness.report.claims.PairedMetric;
import dev.fameharness.report.stats.Estimate;
import java.util.Map;
import java.util.Optional;

/**
 * The paper claims a sensitivity level is judged on, each as a candidate-over-baseline ratio with the paper's
 * figure as a ratio: a claim "reaches the paper's figure" at a level when its point value is at or below it.
 */
public enum Claim {
    LATENCY_TYPICAL("latency-typical", "latency, median turn", 1 / 13.0),
    LATENCY_UP_TO("latency-up-to", "latency, best task kind (\"up to\")", 1 / 13.0),
    INPUT_TOKENS("input-tokens", "LLM input tokens", 0.12),
    COST("cost", "cost", 0.34);

    private final String key;
    private final String label;
    private final double figure;

    Claim(String key, String label, double figure) {
        this.key = key;
        this.label = label;
        this.figure = figure;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The paper's figure as a candidate-over-baseline ratio. */
    public double figure() {
        return figure;
    }

    /** This claim's statistic in a comparison, with its session-level interval; empty when undefined. */
    public Optional<Estimate> of(ClaimComparison c) {
        return switch (this) {
            case LATENCY_TYPICAL -> c.metric("latency_median_ratio").flatMap(PairedMetric::sessionLevel);
            case LATENCY_UP_TO -> c.metric("latency_median_ratio").flatMap(m -> m.byTask().values().stream()
                    .min(java.util.Comparator.comparingDouble(Estimate::value)));
            case INPUT_TOKENS -> c.metric("input_tokens_ratio").flatMap(PairedMetric::sessionLevel);
            case COST -> c.metric("cost_ratio").flatMap(PairedMetric::sessionLevel);
        };
    }

    static Optional<Claim> ofKey(String key) {
        for (Claim c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Map<String, Claim> byKey() {
        java.util.LinkedHashMap<String, Claim> m = new java.util.LinkedHashMap<>();
        for (Claim c : values()) {
            m.put(c.key, c);
        }
        return m;
    }
}
