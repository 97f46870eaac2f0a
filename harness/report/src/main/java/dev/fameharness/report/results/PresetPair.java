package dev.fameharness.report.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A paired comparison to compute: {@code candidate} over {@code baseline} (ratios > 1: candidate is larger). */
public record PresetPair(String candidate, String baseline) {

    public PresetPair {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        if (candidate.equals(baseline)) {
            throw new IllegalArgumentException("a preset cannot be compared with itself: " + candidate);
        }
    }

    /** Every preset except {@code baseline} against {@code baseline}, in the given order. */
    public static List<PresetPair> againstBaseline(String baseline, Collection<String> presets) {
        List<PresetPair> out = new ArrayList<>();
        for (String p : presets) {
            if (!p.equals(baseline)) {
                out.add(new PresetPair(p, baseline));
            }
        }
        return List.copyOf(out);
    }
}
