package dev.fameharness.runner.sensitivity;

import dev.fameharness.api.error.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One assumption {@code fame sensitivity} varies: a (kind, name, values) triple. {@code targets} are what the
 * value is written to (profile entry or constant ids, a scenario settings key, a workload shape key); several
 * targets move together (e.g. the three paper tools that share one download figure). {@code field} says which
 * number of a profile entry is set ({@link ProfileOverride}); {@code range} says where the range comes from.
 */
public record Parameter(Kind kind, String name, List<String> targets, String field, List<Double> values,
                        String range) {

    /** Where a parameter's value goes. */
    public enum Kind {
        /** A calibration-profile entry or constant. */
        PROFILE,
        /** A scenario setting (policy constant), passed as the experiment's {@code settings:}. */
        SETTINGS,
        /** A workload shape key, passed as the experiment's {@code workload:} (the scenario checks the key). */
        WORKLOAD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s, String where) {
            for (Kind k : values()) {
                if (k.label().equals(s)) {
                    return k;
                }
            }
            throw new ConfigException(where + ": kind must be one of profile, settings, workload, was '" + s + "'");
        }
    }

    public Parameter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(range, "range");
        targets = List.copyOf(targets);
        values = List.copyOf(values);
        if (targets.isEmpty()) {
            throw new ConfigException("parameter '" + name + "' has no targets");
        }
        if (values.size() < 2) {
            throw new ConfigException("parameter '" + name + "' needs at least two values, has " + values);
        }
    }
}
