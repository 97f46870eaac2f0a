package dev.fameharness.scenario.logs;

import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioProvider;

/** Makes the log-analytics scenario discoverable ({@code scenario: log-analytics}). */
public final class LogAnalyticsProvider implements ScenarioProvider {

    public static final String NAME = "log-analytics";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an engineer investigating incidents in real system logs (Loghub), answers scored exactly against the ground truth";
    }

    @Override
    public Scenario open(ScenarioOptions options) {
        return LogAnalyticsScenario.open(options);
    }
}
