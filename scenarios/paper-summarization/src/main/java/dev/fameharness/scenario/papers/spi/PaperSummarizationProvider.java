package dev.fameharness.scenario.papers.spi;

import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioProvider;

/** Makes the paper-summarization scenario discoverable ({@code scenario: paper-summarization}). */
public final class PaperSummarizationProvider implements ScenarioProvider {

    public static final String NAME = "paper-summarization";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "summarize, compare and search research papers (JATS corpus, scored with ROUGE against the abstracts)";
    }

    @Override
    public Scenario open(ScenarioOptions options) {
        return PaperSummarizationScenario.open(options);
    }

    @Override
    public java.util.Map<String, Object> shape(String size) {
        return dev.fameharness.scenario.papers.sessions.WorkloadSizes.named(size).asMap();
    }

    @Override
    public java.util.Map<String, Object> defaultSettings() {
        return dev.fameharness.scenario.papers.policy.PaperSettings.defaults().asMap();
    }

    @Override
    public boolean isDefault() {
        return true;
    }
}
