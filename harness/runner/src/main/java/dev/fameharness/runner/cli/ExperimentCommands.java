package dev.fameharness.runner.cli;

import dev.fameharness.report.results.MarkdownTableWriter;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import java.io.PrintStream;
import java.util.Locale;

/** Runs an experiment for the CLI and prints where its results are. */
final class ExperimentCommands {

    private ExperimentCommands() {
    }

    static int runExperiment(Experiment e, ExperimentOptions options, PrintStream out, PrintStream err) {
        return run(e, options.results(), options.runId(), options.quiet, options.resume(e), options.profile(), out,
                err) == null ? FameCli.ERROR : FameCli.OK;
    }

    static ExperimentRunner.Outcome run(Experiment e, java.nio.file.Path results, String runId, PrintStream out,
                                        PrintStream err) {
        return run(e, results, runId, false, out, err);
    }

    /** @param quiet no per-preset progress lines, only the summary table */
    static ExperimentRunner.Outcome run(Experiment e, java.nio.file.Path results, String runId, boolean quiet,
                                        PrintStream out, PrintStream err) {
        return run(e, results, runId, quiet, false, dev.fameharness.platform.calibration.CalibrationProfile.loadDefault(),
                out, err);
    }

    /** @param resume stores may start on the state an earlier run left at the experiment's endpoints */
    static ExperimentRunner.Outcome run(Experiment e, java.nio.file.Path results, String runId, boolean quiet,
                                        boolean resume, dev.fameharness.platform.calibration.CalibrationProfile profile,
                                        PrintStream out, PrintStream err) {
        out.printf(Locale.ROOT, "experiment %s (%s): size %s, %d preset(s), seeds %s, %s clock, %s model%n",
                e.name(), e.source(), e.size(), e.presets().size(), e.seeds(), e.clock(), e.model());
        out.printf(Locale.ROOT, "calibration profile: %s (%s)%n", profile.name(), profile.origin());
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(e, results, runId, resume,
                quiet ? line -> { } : new Progress(err, e.presets().size() * e.seeds().size()), System.getenv(), profile);
        out.println(new MarkdownTableWriter().render(outcome.results()));
        out.printf(Locale.ROOT, "results written to %s (harness wall time %.1f s, peak heap %.0f MiB)%n",
                outcome.runDir(), outcome.wallMillis() / 1000.0, dev.fameharness.runner.engine.HeapUse.peakBytes() / 1048576.0);
        return outcome;
    }
}
