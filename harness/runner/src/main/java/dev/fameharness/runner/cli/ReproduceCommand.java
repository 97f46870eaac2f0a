package dev.fameharness.runner.cli;

import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.runner.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the paper's comparison on both applications and regenerates REPORT.md. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's claims on both applications (experiments/paper-reproduction.yaml, "
                + "experiments/log-analytics.yaml) and regenerate REPORT.md.")
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = {"-e", "--experiment"}, split = ",",
            defaultValue = "experiments/paper-reproduction.yaml,experiments/log-analytics.yaml",
            description = "The reproduction experiments, run in order (comma separated). Default: ${DEFAULT-VALUE}.")
    java.util.List<Path> experiments;

    @Option(names = "--report", defaultValue = "REPORT.md", description = "Where to write the report. Default: ${DEFAULT-VALUE}.")
    Path report;

    @picocli.CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() {
        PresetCatalog catalog = PresetCatalog.discover();
        List<Experiment> loaded = experiments.stream().map(f -> options.apply(Experiment.load(f, catalog), catalog)).toList();
        if (options.runId == null) {
            options.runId = "reference";
        }
        for (Experiment e : loaded) {
            ExperimentCommands.run(e, options.results, options.runId(), System.out, System.err);
        }
        Path written = new ReportWriter(Path.of("."), options.results).write(report);
        System.out.println("report written to " + written);
        return FameCli.OK;
    }
}
