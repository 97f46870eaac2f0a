package dev.fameharness.scenario.spi;

/**
 * A workload the harness can run, found with {@link java.util.ServiceLoader}: each scenario module lists its
 * provider in {@code META-INF/services/dev.fameharness.scenario.spi.ScenarioProvider}. The harness knows a
 * scenario only by {@link #name()} (the experiment's {@code scenario:} value), so adding one needs no change to
 * the harness. See {@link Scenarios} for the lookup.
 */
public interface ScenarioProvider {

    /** The name experiments and the CLI use, e.g. {@code paper-summarization}; [a-z0-9-]. */
    String name();

    /** One line for help texts and error messages. */
    String description();

    /** Loads the scenario's data (verified) and builds its tools; the caller closes the result. */
    Scenario open(ScenarioOptions options);

    /**
     * The shape parameters of a named session size and their values (what an experiment's {@code workload:} may
     * override and {@code fame sensitivity} may vary), read without loading the scenario's data. Empty when the
     * scenario's workload has no such parameters.
     */
    default java.util.Map<String, Object> shape(String size) {
        return java.util.Map.of();
    }

    /**
     * The scenario's policy settings as its settings file gives them (what an experiment's {@code settings:} may
     * override), read without loading the scenario's data. Empty when it has none.
     */
    default java.util.Map<String, Object> defaultSettings() {
        return java.util.Map.of();
    }

    /** True for the one scenario an experiment without a {@code scenario:} field runs. */
    default boolean isDefault() {
        return false;
    }
}
