package dev.fameharness.runner.engine;

import dev.fameharness.llm.SimulatedChatModel;
import dev.fameharness.llm.PromptCache;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.langchain4j.model.chat.ChatModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A scenario's workload on a set of presets: holds the opened {@link Scenario} (its data, MCP tool servers,
 * policy and scoring), starts the real servers once, and runs every preset on the identical seeded sessions
 * (so turns pair across presets). Owns the scenario: closing the harness closes it.
 */
public final class Harness implements AutoCloseable {

    private final Scenario scenario;
    private final Servers servers;
    private final CalibrationProfile profile;
    private final Function<RunPlatform, ChatModel> models;

    public Harness(Scenario scenario, Map<String, URI> endpoints, CalibrationProfile profile,
                   Function<RunPlatform, ChatModel> models) {
        this(scenario, endpoints, profile, models, false);
    }

    /** @param resume whether stores may start on an earlier run's state (see {@link Servers#Servers(Map, boolean)}) */
    public Harness(Scenario scenario, Map<String, URI> endpoints, CalibrationProfile profile,
                   Function<RunPlatform, ChatModel> models, boolean resume) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        try {
            this.servers = new Servers(endpoints, resume);
        } catch (RuntimeException e) {
            scenario.close(); // the harness owns the scenario from here on, even when it cannot start
            throw e;
        }
        this.profile = profile;
        this.models = models;
    }

    /** The default: the deterministic simulated GPT-4o-mini with the scenario's policy and prompt caching on. */
    public static Function<RunPlatform, ChatModel> simulatedModel(Scenario scenario) {
        return simulatedModel(scenario, true);
    }

    /**
     * The simulated model; with {@code promptCaching}, its calls go through a {@link PromptCache} set up from the
     * profile's {@code llm.prompt_cache.*} constants (one cache per preset run, as one provider account would have).
     * The scenario's behaviour is memoized ({@link dev.fameharness.llm.MemoizedBehavior}): same replies, less work.
     */
    public static Function<RunPlatform, ChatModel> simulatedModel(Scenario scenario, boolean promptCaching) {
        var behavior = dev.fameharness.llm.MemoizedBehavior.of(scenario, scenario::behavior);
        return p -> SimulatedChatModel.builder().clock(p.clock()).latency(p.latency()).events(p.sink())
                .behavior(behavior)
                .promptCache(promptCaching ? promptCache(p.profile()) : null).build();
    }

    /** OpenAI's automatic prompt cache as the profile describes it. */
    static PromptCache promptCache(CalibrationProfile profile) {
        return new PromptCache((int) profile.constant("llm.prompt_cache.min_tokens").asLong(),
                (int) profile.constant("llm.prompt_cache.increment_tokens").asLong(),
                java.time.Duration.ofSeconds(profile.constant("llm.prompt_cache.lifetime_s").asLong()));
    }

    public Scenario scenario() {
        return scenario;
    }

    public Servers servers() {
        return servers;
    }

    public ScenarioWorkload workload(String size, long seed) {
        return scenario.workload(size, seed);
    }

    /** The named size with the experiment's shape overrides (keys of the scenario's sizes file). */
    public ScenarioWorkload workload(String size, long seed, Map<String, Object> shapeOverrides) {
        return workload(scenario, size, seed, shapeOverrides);
    }

    /** {@code scenario}'s sessions of the named size with the experiment's shape overrides. */
    public static ScenarioWorkload workload(Scenario scenario, String size, long seed,
                                            Map<String, Object> shapeOverrides) {
        return shapeOverrides.isEmpty() ? scenario.workload(size, seed) : scenario.workload(size, seed, shapeOverrides);
    }

    public PresetRun run(Preset preset, ScenarioWorkload workload, PresetRunner.Options options,
                         Consumer<TurnRecord> progress) {
        return new PresetRunner(scenario, servers, profile, models).run(preset, workload, options, progress);
    }

    public List<PresetRun> runAll(List<Preset> presets, ScenarioWorkload workload, PresetRunner.Options options,
                                  Consumer<TurnRecord> progress) {
        List<PresetRun> runs = new ArrayList<>();
        for (Preset p : presets) {
            runs.add(run(p, workload, options, progress));
        }
        return runs;
    }

    @Override
    public void close() {
        try {
            servers.close();
        } finally {
            scenario.close();
        }
    }
}
