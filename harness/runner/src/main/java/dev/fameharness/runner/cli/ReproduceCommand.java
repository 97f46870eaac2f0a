package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.runner.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the paper's comparison on both applications and regenerates REPORT.md. Only the reproduction experiment exactly as its file
 * says (same size, seeds, presets and corpus) writes the run id {@code reference} and REPORT.md: those are the
 * committed reference results, and a variant under their name would silently replace them. A variant
 * ({@code --size quick}, {@code --seeds}, {@code --preset}, {@code --corpus}) gets its own run id
 * ({@code <size>-<UTC timestamp>} unless {@code --run-id} names one) and leaves REPORT.md alone; asking for
 * {@code --run-id reference} or {@code --report} with a variant is refused.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's claims on both applications (experiments/paper-reproduction.yaml, "
                + "experiments/log-analytics.yaml), every preset side by side with and without faults (quick-all, "
                + "faults-quick, faults-tools), and regenerate REPORT.md.",
                "Only the experiment as its file says writes run id 'reference' and the report; with --size, --seeds, "
                        + "--preset or --corpus the run gets its own run id and REPORT.md is left unchanged."})
final class ReproduceCommand implements Callable<Integer> {

    static final String REFERENCE = "reference";
    static final Path DEFAULT_REPORT = Path.of("REPORT.md");

    @Option(names = {"-e", "--experiment"}, split = ",",
            defaultValue = "experiments/paper-reproduction.yaml,experiments/log-analytics.yaml,"
                    + "experiments/quick-all.yaml,experiments/faults-quick.yaml,experiments/faults-tools.yaml",
            description = "The reproduction experiments, run in order (comma separated). Default: ${DEFAULT-VALUE}.")
    List<Path> experiments;

    @Option(names = "--report", description = "Where to write the report (reference runs only). Default: REPORT.md.")
    Path report;

    @picocli.CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    /** What will run and be written, validated before anything runs; {@code report} empty = not regenerated. */
    record Plan(List<Experiment> experiments, boolean variant, String runId, Optional<Path> report) {
        /** The first experiment (the paper reproduction by default). */
        Experiment experiment() {
            return experiments.get(0);
        }
    }

    Plan plan(PresetCatalog catalog) {
        List<Experiment> run = new java.util.ArrayList<>();
        boolean variant = false;
        Experiment asFiled = null;
        for (Path file : experiments) {
            Experiment filed = Experiment.load(file, catalog);
            Experiment e = options.apply(filed, catalog);
            variant |= isVariant(filed, e);
            asFiled = asFiled == null ? filed : asFiled;
            run.add(e);
        }
        Experiment e = run.get(0);
        Path experiment = experiments.get(0);
        String runId;
        if (options.runId == null) {
            runId = variant ? e.size() + "-" + ExperimentOptions.timestamp() : REFERENCE;
        } else {
            runId = options.runId();
            if (REFERENCE.equals(runId) && variant) {
                throw new ConfigException("--run-id reference names the committed reference results, which only the "
                        + "experiment as " + experiment + " says (size " + asFiled.size() + ", seeds " + asFiled.seeds()
                        + ", all its presets, its corpus) may write; drop --run-id for a run of its own, or drop "
                        + "--size/--seeds/--preset/--corpus");
            }
        }
        boolean reference = REFERENCE.equals(runId);
        if (!reference && report != null) {
            throw new ConfigException("--report: the report is generated from the run id 'reference', and this run is '"
                    + runId + "'; drop --report (this run's summary.md is in its folder)");
        }
        return new Plan(List.copyOf(run), variant, runId, reference ? Optional.of(report == null ? DEFAULT_REPORT : report)
                : Optional.empty());
    }

    @Override
    public Integer call() {
        Plan plan = plan(PresetCatalog.discover());
        for (Experiment e : plan.experiments()) {
            ExperimentCommands.run(e, options.results(), plan.runId(), options.quiet, options.resume(e),
                    options.profile(), System.out, System.err);
        }
        if (plan.report().isPresent()) {
            Path written = new ReportWriter(Path.of("."), options.results()).write(plan.report().get());
            System.out.println("report written to " + written);
        } else {
            System.out.println("REPORT.md not regenerated: it is generated from the run id 'reference', and this run ("
                    + options.results().resolve(plan.experiment().name()).resolve(plan.runId()) + ") differs from "
                    + experiments);
        }
        return FameCli.OK;
    }

    /** Whether the command line changed the experiment (then it must not replace the reference results). */
    static boolean isVariant(Experiment asFiled, Experiment run) {
        return !asFiled.size().equals(run.size()) || !asFiled.seeds().equals(run.seeds())
                || !asFiled.presets().stream().map(Preset::name).toList()
                        .equals(run.presets().stream().map(Preset::name).toList())
                || !asFiled.corpus().equals(run.corpus());
    }
}
