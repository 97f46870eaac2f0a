package dev.fameharness.report.claims;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The claim-shaped statistics of {@code candidate} against {@code baseline} over their paired turns. */
public record ClaimComparison(String candidate, String baseline, int pairs, int sessions, List<PairedMetric> metrics) {

    public ClaimComparison {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        metrics = List.copyOf(metrics);
    }

    /** The metric with this name, if it was defined for this run. */
    public Optional<PairedMetric> metric(String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst();
    }
}
