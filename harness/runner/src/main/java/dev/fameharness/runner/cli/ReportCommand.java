package dev.fameharness.runner.cli;

import dev.fameharness.runner.report.ReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Rebuilds REPORT.md from the results folder, running nothing. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rebuild REPORT.md from results/ (runs nothing).")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--results", defaultValue = "results", description = "Results root. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--report", defaultValue = "REPORT.md", description = "Output file. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Override
    public Integer call() {
        System.out.println("report written to " + new ReportWriter(Path.of("."), results).write(report));
        return FameCli.OK;
    }
}
