package dev.fameharness.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fame} command line: run experiments, reproduce the paper's claims, sweep, check, report. */
@Command(name = "fame", mixinStandardHelpOptions = true, version = "fame 0.1.0",
        description = "Measure serverless agent architectures (FAME and its baselines) on the paper-summarization workload.",
        subcommands = {RunCommand.class, ReproduceCommand.class, SweepCommand.class, CheckCommand.class,
                ReportCommand.class, PresetsCommand.class, SensitivityCommand.class, DeployCommand.class, DestroyCommand.class,
                CalibrateCommand.class})
public final class FameCli implements Runnable {

    /** Exit codes scripts can trust. */
    public static final int OK = 0;
    public static final int FAILED_CHECK = 1;
    public static final int BAD_INPUT = 2;
    public static final int ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FameCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof dev.fameharness.api.error.ConfigException) {
                cmd.getErr().println("fame: " + ex.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("fame: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ERROR;
        });
        cli.setExitCodeExceptionMapper(ex -> BAD_INPUT);
        return cli.execute(args);
    }
}
