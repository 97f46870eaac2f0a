package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.PresetRun;
import dev.fameharness.runner.engine.PresetRunner;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.Scenarios;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the workload on one or more presets and prints every turn, or runs an experiment file ({@code -e}) and
 * writes its results folder. Every option applies in both modes or is refused where it cannot apply.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the paper-summarization sessions on presets and print per-turn results.")
final class RunCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 42;
    static final String DEFAULT_SIZE = "quick";

    @Option(names = "--seed", description = "Seed of the sessions and the virtual clock (the same as --seeds N). "
            + "Default: " + DEFAULT_SEED + ", or the experiment's seeds with -e.")
    Long seed;

    @Option(names = "--clock", description = "virtual (deterministic) or wall. Default: virtual, or the "
            + "experiment's clock with -e.")
    String clock;

    @Option(names = {"-e", "--experiment"}, description = "Run an experiment file (YAML) and write its results folder.")
    Path experiment;

    @Option(names = "--scenario", description = "The scenario whose sessions run (without -e), e.g. "
            + "paper-summarization or log-analytics. Default: the default scenario.")
    String scenario;

    @picocli.CommandLine.Mixin
    ExperimentOptions experimentOptions = new ExperimentOptions();

    @picocli.CommandLine.Mixin
    AwsTargetOptions awsTarget = new AwsTargetOptions();

    /**
     * What the options ask for, validated before anything runs: an experiment (with {@code -e}), or presets on
     * one session set for each seed (printed turn by turn).
     */
    record Plan(Optional<Experiment> experiment, List<Preset> presets, List<Long> seeds, String size, String clock,
                Optional<Path> corpus, boolean quiet, String scenario) {
    }

    Plan plan(PresetCatalog catalog) {
        if (seed != null && experimentOptions.seeds != null) {
            throw new ConfigException("--seed and --seeds both given (" + seed + " and " + experimentOptions.seeds
                    + "); give one");
        }
        if (seed != null) {
            experimentOptions.seeds = List.of(seed);
        }
        boolean quiet = experimentOptions.quiet;
        if (experiment != null) {
            Experiment e = experimentOptions.apply(Experiment.load(experiment, catalog), catalog);
            if (clock != null) {
                e = e.withClock(clock);
            }
            experimentOptions.runId(); // validated before the run, not after
            experimentOptions.resume(e);
            if (scenario != null && !scenario.strip().equals(e.scenario())) {
                throw new ConfigException("--scenario " + scenario + " differs from the experiment's scenario '"
                        + e.scenario() + "' (" + experiment + "); drop --scenario or edit the file");
            }
            return new Plan(Optional.of(e), e.presets(), e.seeds(), e.size(), e.clock(), e.corpus(), quiet,
                    e.scenario());
        }
        if (experimentOptions.resume) {
            throw new ConfigException("--resume continues on state kept at an experiment's endpoints; without -e the "
                    + "servers are embedded and start empty; drop --resume");
        }
        if (experimentOptions.results != null || experimentOptions.runId != null) {
            throw new ConfigException((experimentOptions.results != null ? "--results" : "--run-id")
                    + " names a results folder, which only an experiment run writes; run an experiment file "
                    + "(fame run -e experiments/quick-all.yaml --preset ... --run-id ...) or drop the option");
        }
        experimentOptions.checkSeeds();
        List<Long> seeds = experimentOptions.seeds == null ? List.of(DEFAULT_SEED) : experimentOptions.seeds;
        String size = experimentOptions.size == null ? DEFAULT_SIZE : experimentOptions.size;
        if (!Experiment.SIZES.contains(size)) {
            throw new ConfigException("--size must be one of " + Experiment.SIZES + ", was '" + size + "'");
        }
        List<Preset> chosen = new ArrayList<>();
        List<String> names = experimentOptions.presets == null ? List.of("stateless-payload") : experimentOptions.presets;
        for (String name : names) {
            String n = name.strip();
            if (chosen.stream().anyMatch(p -> p.name().equals(n))) {
                throw new ConfigException("--preset lists '" + n + "' twice");
            }
            chosen.add(catalog.get(n));
        }
        String clockName = clock == null ? "virtual" : clock;
        RunPlatform.ClockMode.parse(clockName);
        Scenarios scenarios = Scenarios.discover();
        String scenarioName = scenario == null ? scenarios.defaultName() : scenarios.get(scenario.strip()).name();
        return new Plan(Optional.empty(), chosen, seeds, size, clockName, Optional.ofNullable(experimentOptions.corpus),
                quiet, scenarioName);
    }

    @Override
    public Integer call() {
        if (awsTarget.aws()) {
            if (experiment == null || clock != null || scenario != null || experimentOptions.profile != null) {
                throw new ConfigException("--target aws runs an experiment file (-e FILE) on deployed stacks; --clock, "
                        + "--scenario and --profile do not apply (AWS is the clock)");
            }
            if (seed != null) {
                experimentOptions.seeds = List.of(seed);
            }
            PresetCatalog catalog = PresetCatalog.discover();
            Experiment e = experimentOptions.apply(Experiment.load(experiment, catalog), catalog);
            return awsTarget.run(e, experimentOptions, System.out, System.err);
        }
        Plan plan = plan(PresetCatalog.discover());
        if (plan.experiment().isPresent()) {
            return ExperimentCommands.runExperiment(plan.experiment().get(), experimentOptions, System.out, System.err);
        }
        RunPlatform.ClockMode mode = RunPlatform.ClockMode.parse(plan.clock());
        boolean quiet = plan.quiet();
        PrintStream out = System.out;
        Scenario opened = Scenarios.discover().get(plan.scenario()).open(ScenarioOptions.data(plan.corpus()));
        try (Harness harness = new Harness(opened, Map.of(), experimentOptions.profile(),
                Harness.simulatedModel(opened))) {
            for (long s : plan.seeds()) {
                ScenarioWorkload workload = harness.workload(plan.size(), s);
                out.printf(Locale.ROOT, "%s workload %s: %d sessions, %d turns, seed %d, %s clock%n", opened.name(),
                        plan.size(),
                        workload.sessionIds().size(), workload.turns().size(), s, plan.clock());
                for (Preset preset : plan.presets()) {
                    if (!quiet) {
                        out.println();
                        out.println("preset " + preset.name() + ": " + preset.description());
                        out.println(TurnTable.header());
                    }
                    PresetRun run = harness.run(preset, workload,
                            new PresetRunner.Options(mode, s, 1.0, Long.toString(s)), r -> {
                                if (!quiet) {
                                    out.println(TurnTable.row(r));
                                }
                            });
                    out.println(TurnTable.summary(run));
                }
            }
            out.printf(Locale.ROOT, "peak heap: %.0f MiB (sum of the heap pools' peak usage)%n",
                    dev.fameharness.runner.engine.HeapUse.peakBytes() / 1048576.0);
        }
        return FameCli.OK;
    }
}
