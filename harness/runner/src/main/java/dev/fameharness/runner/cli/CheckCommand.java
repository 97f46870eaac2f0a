package dev.fameharness.runner.cli;

import dev.fameharness.runner.report.RegressionCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fails (exit 1) with a readable diff when a run moved beyond the tolerances of a baseline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare a run's summary with a baseline; exit 1 and print the differences beyond tolerance.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--baseline", defaultValue = "results/ci-baseline/summary.json",
            description = "Baseline summary.json (or run folder). Default: ${DEFAULT-VALUE}.")
    Path baseline;

    @Option(names = "--current", required = true, description = "The run to check: its summary.json or run folder.")
    Path current;

    @Option(names = "--tol-tokens", defaultValue = "0.02", description = "Relative tolerance on tokens. Default: ${DEFAULT-VALUE}.")
    double tokens;

    @Option(names = "--tol-cost", defaultValue = "0.02", description = "Relative tolerance on cost. Default: ${DEFAULT-VALUE}.")
    double cost;

    @Option(names = "--tol-latency", defaultValue = "0.05", description = "Relative tolerance on modeled p50/p95 latency. Default: ${DEFAULT-VALUE}.")
    double latency;

    @Option(names = "--tol-completion", defaultValue = "0.0", description = "Allowed absolute drop in completion rate. Default: ${DEFAULT-VALUE}.")
    double completion;

    @Option(names = "--tol-quality", defaultValue = "0.005", description = "Allowed absolute drop in answer quality "
            + "(mean ROUGE-L F1 over completed turns, in F1 points). Default: ${DEFAULT-VALUE}.")
    double quality;

    @Override
    public Integer call() {
        List<RegressionCheck.Finding> findings = RegressionCheck.compare(baseline, current,
                new RegressionCheck.Tolerances(tokens, cost, latency, completion, quality));
        if (findings.isEmpty()) {
            System.out.println("check passed: " + current + " is within tolerance of " + baseline);
            return FameCli.OK;
        }
        System.out.println("check FAILED: " + findings.size() + " figure(s) moved beyond tolerance of " + baseline + ":");
        findings.forEach(f -> System.out.println("  " + f));
        System.out.println("If the change is intended, update the baseline: cp <run>/summary.json " + baseline);
        return FameCli.FAILED_CHECK;
    }
}
