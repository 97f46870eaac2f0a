package dev.fameharness.scenario.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a scenario.
 *
 * @param dataFolder        the scenario's data (a corpus, a log collection); empty: the scenario's default location
 * @param settingsOverrides values replacing the scenario's policy settings by key ({@link Scenario#settings()});
 *                          a scenario rejects keys it does not know
 */
public record ScenarioOptions(Optional<Path> dataFolder, Map<String, Object> settingsOverrides) {

    public ScenarioOptions {
        Objects.requireNonNull(dataFolder, "dataFolder");
        settingsOverrides = Map.copyOf(settingsOverrides);
    }

    /** Default data, default settings. */
    public static ScenarioOptions defaults() {
        return new ScenarioOptions(Optional.empty(), Map.of());
    }

    /** The data in {@code folder} (or the default when empty), default settings. */
    public static ScenarioOptions data(Optional<Path> folder) {
        return new ScenarioOptions(folder, Map.of());
    }
}
