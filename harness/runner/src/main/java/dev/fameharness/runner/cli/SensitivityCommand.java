package dev.fameharness.runner.cli;

import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.runner.sensitivity.SensitivityOutputs;
import dev.fameharness.runner.sensitivity.SensitivityPlan;
import dev.fameharness.runner.sensitivity.SensitivityRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Varies each assumption of a sensitivity plan over its documented range, reruns the paired comparison per
 * level and writes {@code results/sensitivity/<run-id>/}: sensitivity.json, sensitivity.md and a tornado chart
 * per claim; REPORT.md's "What it would take" is built from it.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Vary each assumed number, policy constant and workload parameter; rerun the paired comparison; "
                + "write per-claim tornado charts and the values under which each claim reaches the paper's figure.")
final class SensitivityCommand implements Callable<Integer> {

    @Option(names = "--plan", defaultValue = "experiments/plans/sensitivity.yaml",
            description = "The sensitivity plan. Default: ${DEFAULT-VALUE}.")
    Path plan;

    @Option(names = "--size", description = "Override the base experiment's session set: quick, default or large.")
    String size;

    @Option(names = "--seeds", split = ",", description = "Override the base experiment's seeds (comma separated).")
    java.util.List<Long> seeds;

    @Option(names = "--results", defaultValue = "results", description = "Results root. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--run-id", description = "Name of the run folder (default: UTC timestamp).")
    String runId;

    @Option(names = "--parallel", defaultValue = "3", description = "Levels run at once on the shared servers, each in "
            + "its own namespace (results do not depend on it). A level spends much of its wall time waiting for store "
            + "round trips, so 3 keeps 2 cores busy. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Override
    public Integer call() throws IOException {
        CalibrationProfile profile = CalibrationProfile.loadDefault();
        SensitivityPlan p = SensitivityPlan.load(plan, profile);
        PresetCatalog catalog = PresetCatalog.discover();
        ExperimentOptions options = new ExperimentOptions();
        options.size = size;
        options.seeds = seeds;
        options.runId = runId;
        Experiment e = options.apply(Experiment.load(p.experiment(), catalog), catalog);
        String id = options.runId();
        Path dir = results.resolve(p.name()).resolve(id);
        System.out.printf(Locale.ROOT, "sensitivity %s: %d parameters on %s (%s sessions, seeds %s), %s vs %s%n",
                p.name(), p.parameters().size(), e.source(), e.size(), e.seeds(), p.candidate(), e.baseline());
        SensitivityRunner.Result r = SensitivityRunner.run(p, e, profile, parallel, System.err::println);
        Path tmp = results.resolve(p.name()).resolve("." + id + ".partial");
        SensitivityOutputs.write(r, tmp, ChartSize.DEFAULT);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.move(tmp, dir);
        System.out.print(Files.readString(dir.resolve(SensitivityOutputs.MARKDOWN_FILE)));
        System.out.printf(Locale.ROOT, "sensitivity written to %s (wall time %.1f s)%n", dir, r.wallMillis() / 1000.0);
        return FameCli.OK;
    }
}
