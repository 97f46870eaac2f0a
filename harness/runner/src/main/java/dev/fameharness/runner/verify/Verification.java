package dev.fameharness.runner.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "Nothing lost": what re-reading, after a run, every value its completed turns saved found. {@code checked}
 * counts the values read back by store ({@code kv}, {@code s3}, {@code memory}: one per memory note).
 * A value is intact when it is present and its SHA-256 is that of a write the run made to the same reference
 * (a later legitimate overwrite is not corruption); {@code missing} values are absent, {@code corrupted} ones
 * hold bytes the run never wrote there, {@code unreadable} ones could not be read (the store did not answer),
 * and {@code evicted} memory notes were dropped by the bounded session memory, by design.
 *
 * @param turns completed turns verified
 */
public record Verification(int turns, Map<String, Integer> checked, int missing, int corrupted, int unreadable,
                           int evicted, List<Problem> problems) {

    /** Nothing to verify: the preset saved no state (stateless payload, monolithic without stores). */
    public static final Verification NONE = new Verification(0, Map.of(), 0, 0, 0, 0, List.of());

    public Verification {
        checked = Map.copyOf(new TreeMap<>(Objects.requireNonNull(checked, "checked")));
        problems = List.copyOf(problems);
        if (turns < 0 || missing < 0 || corrupted < 0 || unreadable < 0 || evicted < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Values read back, over every store. */
    public int checkedTotal() {
        return checked.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when every value of every completed turn was read back intact (evictions are by design). */
    public boolean intact() {
        return missing == 0 && corrupted == 0 && unreadable == 0;
    }

    /** One line for the CLI, e.g. {@code verified 20 turns: 96 values (kv 40, memory 36, s3 20), 0 missing, ...}. */
    public String summary() {
        StringBuilder by = new StringBuilder();
        new TreeMap<>(checked).forEach((k, v) -> by.append(by.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return String.format(Locale.ROOT, "verified %d turns: %d values%s, %d missing, %d corrupted, %d unreadable, "
                        + "%d evicted", turns, checkedTotal(), by.length() == 0 ? "" : " (" + by + ")", missing,
                corrupted, unreadable, evicted);
    }

    /**
     * One value that was not read back intact.
     *
     * @param outcome {@code missing}, {@code corrupted} or {@code unreadable}
     * @param kind    {@code state}, {@code artifact} or {@code memory}
     * @param ref     the value's reference ({@code kv://...}, {@code s3://...}) or memory item
     */
    public record Problem(String turnId, String kind, String ref, String outcome, String detail) {
        public Problem {
            Objects.requireNonNull(turnId, "turnId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
