package dev.fameharness.runner.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.preset.PresetCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration loop closed on this machine (issue 13, point 6): a {@code wall} run of {@code fame} on the local
 * servers with no modeled delay slept (so store latencies are the real DynamoDB Local and S3Proxy round trips),
 * calibrated, then simulated in virtual time with the fitted profile. Tolerance: for every fitted operation with
 * at least {@value #MIN} samples in both runs, the simulated median is within 20% and the simulated p90 within 35%
 * of the measured ones. The fit takes the measured median and p90 as they are, so what separates the two is the
 * simulated side's sampling error (and the mix of size classes): the simulated run draws from four seeds' sessions,
 * four times the measured run's operations, so that a heavy-tailed measurement (a busy machine) does not turn
 * sampling noise of a p90 over ~100 draws into a failure.
 */
class CalibrationLoopIT {

    static final int MIN = 50;

    @TempDir
    Path dir;

    private Experiment experiment(String clock, String seeds) {
        return Experiment.parse(clock + ".yaml", ("name: loop\nsize: quick\npresets: [fame]\nseeds: " + seeds
                + "\nclock: " + clock + "\nwall_delay_scale: 0\n").getBytes(StandardCharsets.UTF_8),
                PresetCatalog.discover());
    }

    @Test
    void should_reproduce_the_measured_store_latencies_when_simulating_with_the_profile_fitted_from_a_wall_run()
            throws Exception {
        ExperimentRunner.Outcome measured = ExperimentRunner.run(experiment("wall", "[1]"), dir, "measured", m -> { });

        List<Calibrator.OperationFit> fits = Calibrator.fit(measured.runDir());
        Path profileFile = dir.resolve("calibrated.yaml");
        CalibrationProfile profile = Calibrator.write(fits, measured.runDir(), profileFile);
        ExperimentRunner.Outcome simulated = ExperimentRunner.run(experiment("virtual", "[1, 2, 3, 4]"), dir,
                "simulated", false,
                m -> { }, Map.of(), profile);
        List<Calibrator.OperationFit> again = Calibrator.fitAnyClock(simulated.runDir());

        assertThat(profile.entry("dynamodb.get").sources().get(0).url()).contains(measured.runDir().getFileName().toString());
        int compared = 0;
        StringBuilder figures = new StringBuilder();
        for (Calibrator.OperationFit m : fits) {
            var s = again.stream().filter(x -> x.id().equals(m.id())).findFirst();
            if (s.isEmpty() || m.overall().n() < MIN || s.get().overall().n() < MIN) {
                continue;
            }
            compared++;
            double medianRatio = s.get().overall().medianMs() / m.overall().medianMs();
            double p90Ratio = s.get().overall().p90Ms() / m.overall().p90Ms();
            figures.append(String.format(Locale.ROOT, "%s n=%d/%d median %.3f/%.3f ms (x%.2f) p90 %.3f/%.3f ms (x%.2f)%n",
                    m.id(), m.overall().n(), s.get().overall().n(), m.overall().medianMs(), s.get().overall().medianMs(),
                    medianRatio, m.overall().p90Ms(), s.get().overall().p90Ms(), p90Ratio));
            assertThat(medianRatio).as("median of %s: %s", m.id(), figures).isBetween(0.8, 1.2);
            assertThat(p90Ratio).as("p90 of %s: %s", m.id(), figures).isBetween(0.65, 1.35);
        }
        System.out.println("calibration round trip (measured/simulated):\n" + figures);
        assertThat(compared).as("operations compared").isGreaterThanOrEqualTo(2);
    }

    @Test
    void should_refuse_a_virtual_run_naming_its_clock(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("run.json"), "{\"clock\":\"virtual\"}");

        assertThatThrownBy(() -> Calibrator.fit(run)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("virtual").hasMessageContaining("wall or aws");
    }
}
