package dev.fameharness.report.cost;

import java.util.Locale;

/** The services costs are broken down by, in the order results list them. */
public enum Service {
    LAMBDA, STEPFUNCTIONS, DYNAMODB, S3, REDIS, LLM;

    /** The name as written in price files and results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The service named {@code label}, or empty. */
    public static java.util.Optional<Service> ofLabel(String label) {
        for (Service s : values()) {
            if (s.label().equals(label)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
