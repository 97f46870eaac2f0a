package dev.fameharness.runner.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.calibration.Distribution;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting on a hand-made event stream: medians and p90s by operation, a size table only where sizes differ. */
class CalibratorTest {

    @TempDir
    Path run;

    private void events(String clock, List<String> lines) throws IOException {
        Files.writeString(run.resolve("run.json"), "{\"clock\":\"" + clock + "\"}");
        Files.createDirectories(run.resolve("events"));
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(run.resolve("events/fame-seed1.jsonl.gz"))), StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l + "\n");
            }
        }
    }

    private static String op(String backend, String op, long bytes, long micros, String outcome) {
        return String.format(Locale.ROOT, "{\"kind\":\"StoreOp\",\"atMicros\":0,\"tags\":{},\"backend\":\"%s\","
                + "\"operation\":\"%s\",\"bytes\":%d,\"units\":{},\"latencyMicros\":%d,\"outcome\":\"%s\"}",
                backend, op, bytes, micros, outcome);
    }

    @Test
    void should_fit_a_size_table_where_classes_differ_and_one_lognormal_elsewhere() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(op("dynamodb", "get", 500, 1000 + i * 10L, "ok"));          // small: ~1.2 ms
            lines.add(op("dynamodb", "get", 100_000, 10_000 + i * 100L, "ok"));   // large: ~12 ms
            lines.add(op("s3", "put", 2_000, 20_000 + i * 100L, "ok"));
        }
        lines.add(op("s3", "put", 2_000, 9_000_000, "throttled"));                  // failures are not latencies
        lines.add("{\"kind\":\"LlmCall\",\"latencyMicros\":5}");
        events("wall", lines);

        List<Calibrator.OperationFit> fits = Calibrator.fit(run);
        CalibrationProfile profile = Calibrator.write(fits, run, run.resolve("p.yaml"));

        Calibrator.OperationFit get = fits.stream().filter(f -> f.id().equals("dynamodb.get")).findFirst().orElseThrow();
        assertThat(get.bySize()).containsOnlyKeys(0L, 65536L);
        assertThat(get.bySize().get(0L).medianMs()).isEqualTo(1.2);
        assertThat(get.bySize().get(65536L).medianMs()).isEqualTo(12.0);
        Calibrator.OperationFit put = fits.stream().filter(f -> f.id().equals("s3.put")).findFirst().orElseThrow();
        assertThat(put.bySize()).isEmpty();
        assertThat(put.overall().n()).isEqualTo(40);
        assertThat(put.overall().p90Ms()).isEqualTo(23.6);
        Distribution large = profile.entry("dynamodb.get").baseFor(100_000);
        assertThat(large.medianMs()).isEqualTo(12.0);
        assertThat(profile.entry("dynamodb.get").baseFor(500).medianMs()).isEqualTo(1.2);
        assertThat(profile.entry("s3.put").isAssumption()).isFalse();
        assertThat(profile.entry("lambda.invoke.warm")).isNotNull();
    }

    @Test
    void should_refuse_a_run_without_enough_store_operations() throws IOException {
        events("aws", List.of(op("dynamodb", "get", 1, 1000, "ok")));

        assertThatThrownBy(() -> Calibrator.fit(run)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("30 or more samples");
    }

    @Test
    void should_refuse_a_folder_that_is_not_a_run() {
        assertThatThrownBy(() -> Calibrator.fit(run.resolve("nothing"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.json");
    }
}
