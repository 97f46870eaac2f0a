package dev.fameharness.runner.cli;

import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.runner.calibrate.Calibrator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fame calibrate --from RUN}: a calibration profile fitted from a measured run (see {@link Calibrator}). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit the profile's store latencies from a measured (wall or aws) run and write a profile for --profile.")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "RUN", description = "A run folder: results/<experiment>/<run-id>.")
    Path from;

    @Option(names = {"-o", "--output"}, description = "Profile file to write (default: <RUN>/calibrated-profile.yaml).")
    Path output;

    @Override
    public Integer call() {
        List<Calibrator.OperationFit> fits = Calibrator.fit(from);
        Path out = output == null ? from.resolve("calibrated-profile.yaml") : output;
        CalibrationProfile profile = Calibrator.write(fits, from, out);
        for (Calibrator.OperationFit f : fits) {
            System.out.printf(Locale.ROOT, "%-16s n=%5d  median %.3f ms  p90 %.3f ms%s%n", f.id(), f.overall().n(),
                    f.overall().medianMs(), f.overall().p90Ms(),
                    f.bySize().isEmpty() ? "" : "  size classes from " + f.bySize().keySet() + " bytes");
        }
        System.out.println("profile " + profile.name() + " written to " + out + "; run with --profile " + out);
        return FameCli.OK;
    }
}
