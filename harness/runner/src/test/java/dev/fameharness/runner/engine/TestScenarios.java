package dev.fameharness.runner.engine;

import dev.fameharness.scenario.papers.spi.PaperSummarizationScenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.Scenarios;

/** Opens scenarios the way the runner does (by name, through the SPI), for tests. */
public final class TestScenarios {

    private TestScenarios() {
    }

    /** The paper-summarization scenario on the default corpus. */
    public static PaperSummarizationScenario papers() {
        return (PaperSummarizationScenario) Scenarios.discover().get("paper-summarization")
                .open(ScenarioOptions.defaults());
    }

    /** A harness on the paper scenario with the simulated model and embedded servers. */
    public static Harness paperHarness() {
        PaperSummarizationScenario s = papers();
        return new Harness(s, java.util.Map.of(), dev.fameharness.platform.calibration.CalibrationProfile.loadDefault(),
                Harness.simulatedModel(s));
    }
}
