package dev.fameharness.runner.cli;

import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.PresetRun;
import dev.fameharness.runner.engine.PresetRunner;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
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

/** Runs the workload on one or more presets and prints every turn. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario's sessions on presets and print per-turn results.")
final class RunCommand implements Callable<Integer> {

    String size = "quick";

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sessions and the virtual clock. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--clock", defaultValue = "virtual", description = "virtual (deterministic) or wall. Default: ${DEFAULT-VALUE}.")
    String clock;

    @Option(names = "--corpus", description = "The scenario's data folder: JATS papers or Loghub logs with manifest.json (default: ../shared/corpus, ../shared/loghub, or $FAME_CORPUS).")
    Path corpus;

    @Option(names = "--scenario", description = "The scenario whose sessions run (without -e), e.g. paper-summarization or log-analytics. Default: the default scenario.")
    String scenario;

    @Option(names = "--quiet", description = "Print only the summary, not every turn.")
    boolean quiet;

    @Option(names = {"-e", "--experiment"}, description = "Run an experiment file (YAML) and write its results folder.")
    Path experiment;

    @picocli.CommandLine.Mixin
    ExperimentOptions experimentOptions = new ExperimentOptions();

    @Override
    public Integer call() {
        PresetCatalog catalog = PresetCatalog.discover();
        if (experiment != null) {
            return ExperimentCommands.runExperiment(
                    experimentOptions.apply(dev.fameharness.runner.experiment.Experiment.load(experiment, catalog), catalog),
                    experimentOptions, System.out, System.err);
        }
        List<Preset> chosen = new ArrayList<>();
        List<String> names = experimentOptions.presets == null ? List.of("stateless-payload") : experimentOptions.presets;
        if (experimentOptions.seeds != null) {
            seed = experimentOptions.seeds.get(0);
        }
        if (experimentOptions.size != null) {
            size = experimentOptions.size;
        }
        for (String name : names) {
            chosen.add(catalog.get(name.strip()));
        }
        RunPlatform.ClockMode mode = RunPlatform.ClockMode.parse(clock);
        PrintStream out = System.out;
        Scenarios scenarios = Scenarios.discover();
        var opened = scenarios.get(scenario == null ? scenarios.defaultName() : scenario.strip())
                .open(ScenarioOptions.data(Optional.ofNullable(corpus)));
        try (Harness harness = new Harness(opened, Map.of(), CalibrationProfile.loadDefault(),
                Harness.simulatedModel(opened))) {
            ScenarioWorkload workload = harness.workload(size, seed);
            out.printf(Locale.ROOT, "%s workload %s: %d sessions, %d turns, seed %d, %s clock%n", opened.name(), size,
                    workload.sessionIds().size(), workload.turns().size(), seed, clock);
            for (Preset preset : chosen) {
                if (!quiet) {
                    out.println();
                    out.println("preset " + preset.name() + ": " + preset.description());
                    out.println(TurnTable.header());
                }
                PresetRun run = harness.run(preset, workload,
                        new PresetRunner.Options(mode, seed, 1.0, Long.toString(seed)), r -> {
                            if (!quiet) {
                                out.println(TurnTable.row(r));
                            }
                        });
                out.println(TurnTable.summary(run));
            }
            out.printf(Locale.ROOT, "peak heap: %.0f MiB (sum of the heap pools' peak usage)%n", dev.fameharness.runner.engine.HeapUse.peakBytes() / 1048576.0);
        }
        return FameCli.OK;
    }
}
