package dev.fameharness.runner.cli;

import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.runner.report.ReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the paper's comparison and regenerates REPORT.md. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's claims (experiments/paper-reproduction.yaml) and regenerate REPORT.md.")
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = {"-e", "--experiment"}, defaultValue = "experiments/paper-reproduction.yaml",
            description = "The reproduction experiment. Default: ${DEFAULT-VALUE}.")
    Path experiment;

    @Option(names = "--report", defaultValue = "REPORT.md", description = "Where to write the report. Default: ${DEFAULT-VALUE}.")
    Path report;

    @picocli.CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() {
        PresetCatalog catalog = PresetCatalog.discover();
        Experiment e = options.apply(Experiment.load(experiment, catalog), catalog);
        if (options.runId == null) {
            options.runId = "reference";
        }
        ExperimentCommands.run(e, options.results, options.runId(), System.out, System.err);
        Path written = new ReportWriter(Path.of("."), options.results).write(report);
        System.out.println("report written to " + written);
        return FameCli.OK;
    }
}
