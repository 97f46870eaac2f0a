package dev.fameharness.runner.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code fame calibrate --from RUN}: fits the calibration profile's store-operation latencies
 * ({@code dynamodb.*}, {@code s3.*}, {@code redis.*}) from a measured run's event stream ({@code wall} or
 * {@code aws} clock) and writes a profile whose fitted entries cite that run. Per operation the fit is a
 * lognormal with the measured median and 90th percentile; where the sizes span classes with enough samples
 * each ({@link #MIN_SAMPLES}; classes below 4 KiB, below 64 KiB and above), the entry becomes a table by size.
 * Every other entry (Lambda, Step Functions, tools, LLM) is kept from the base profile with its sources: those
 * are modeled, not measured, in a local wall run (their time is slept from the profile), so fitting them from it
 * would only return the profile's own numbers.
 */
public final class Calibrator {

    /** Samples an operation (or size class) needs before it is fitted. */
    public static final int MIN_SAMPLES = 30;
    static final long[] SIZE_CLASSES = {0, 4096, 65536};
    static final double Z90 = 1.2815515655446004;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fitted distribution: median and p90 in ms over {@code n} samples. */
    public record Fit(double medianMs, double p90Ms, int n) {
    }

    /** The fits of one operation: overall, and per size class when the sizes matter. */
    public record OperationFit(String id, Fit overall, Map<Long, Fit> bySize) {
    }

    private Calibrator() {
    }

    /** Reads every store operation of the run's event streams and fits each operation with enough samples. */
    public static List<OperationFit> fit(Path runDir) {
        JsonNode info = readJson(runDir.resolve("run.json"));
        String clock = info.path("clock").asText("");
        if (!"wall".equals(clock) && !"aws".equals(clock)) {
            throw new ConfigException(runDir.resolve("run.json") + ": clock is '" + clock + "'; calibrate needs a "
                    + "measured run (clock wall or aws): a virtual run's latencies are the profile's own draws");
        }
        return fitAnyClock(runDir);
    }

    /** The same fits for a run of any clock: how a simulated run's latencies compare with a measured one's. */
    public static List<OperationFit> fitAnyClock(Path runDir) {
        Map<String, List<long[]>> samples = new TreeMap<>();
        Path events = runDir.resolve("events");
        try (Stream<Path> files = Files.list(events)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!line.contains("\"kind\":\"StoreOp\"")) {
                            continue;
                        }
                        JsonNode e = JSON.readTree(line);
                        if (!"ok".equals(e.path("outcome").asText())) {
                            continue;
                        }
                        String id = e.path("backend").asText() + "." + e.path("operation").asText();
                        samples.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new long[] {e.path("bytes").asLong(), e.path("latencyMicros").asLong()});
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read the event streams of " + runDir + " (" + events + "): "
                    + e.getMessage() + "; name a run folder written by fame run -e", e);
        }
        List<OperationFit> fits = new ArrayList<>();
        samples.forEach((id, list) -> {
            if (list.size() < MIN_SAMPLES) {
                return;
            }
            Map<Long, Fit> bySize = new TreeMap<>();
            for (int c = 0; c < SIZE_CLASSES.length; c++) {
                long lo = SIZE_CLASSES[c];
                long hi = c + 1 < SIZE_CLASSES.length ? SIZE_CLASSES[c + 1] : Long.MAX_VALUE;
                long[] lat = list.stream().filter(s -> s[0] >= lo && s[0] < hi).mapToLong(s -> s[1]).toArray();
                if (lat.length >= MIN_SAMPLES) {
                    bySize.put(lo, fitOf(lat));
                }
            }
            if (bySize.size() < 2) {
                bySize.clear();
            }
            fits.add(new OperationFit(id, fitOf(list.stream().mapToLong(s -> s[1]).toArray()), bySize));
        });
        if (fits.isEmpty()) {
            throw new ConfigException(runDir + " has no store operation with " + MIN_SAMPLES + " or more samples; "
                    + "calibrate from a run of a preset with stores (e.g. fame) and more sessions");
        }
        return fits;
    }

    /** Median and p90 (nearest rank) of microsecond samples, in ms; never below 1 µs. */
    static Fit fitOf(long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        double median = Math.max(1, quantile(s, 0.5)) / 1000.0;
        double p90 = Math.max(median * 1000, quantile(s, 0.9)) / 1000.0;
        return new Fit(median, p90, s.length);
    }

    static double quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Writes the base profile with the fitted entries replaced, each citing {@code runDir}, validated by loading
     * it back; returns what was written.
     */
    public static CalibrationProfile write(List<OperationFit> fits, Path runDir, Path out) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        ObjectNode root;
        try (InputStream in = Calibrator.class.getClassLoader().getResourceAsStream(CalibrationProfile.DEFAULT_RESOURCE)) {
            root = (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String run = runDir.toAbsolutePath().normalize().toString();
        root.put("profile", "calibrated-" + runDir.getFileName());
        root.put("collected", today);
        ObjectNode entries = (ObjectNode) root.path("entries");
        for (OperationFit f : fits) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("quantity", "bytes");
            if (f.bySize().isEmpty()) {
                entry.set("base", lognormal(f.overall()));
            } else {
                // A table replaces base; its first row also covers sizes below it.
                ArrayNode table = entry.putArray("table");
                f.bySize().forEach((at, fit) -> table.addObject().put("at", at).set("base", lognormal(fit)));
            }
            entry.put("quality", "measured");
            entry.put("assumption", false);
            entry.put("note", String.format(java.util.Locale.ROOT, "Fitted by fame calibrate from %d measured %s "
                    + "operations: lognormal with the measured median and 90th percentile%s.", f.overall().n(), f.id(),
                    f.bySize().isEmpty() ? "" : ", per size class (rows at " + f.bySize().keySet() + " bytes)"));
            ArrayNode sources = entry.putArray("sources");
            sources.addObject().put("url", "file://" + run + "/events").put("date", today)
                    .put("what", "StoreOp latencyMicros of " + f.id() + " in run " + runDir.getFileName());
            entries.set(f.id(), entry);
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            yaml.writeValue(out.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile " + out, e);
        }
        return CalibrationProfile.load(out);
    }

    private static ObjectNode lognormal(Fit f) {
        return JSON.createObjectNode().put("kind", "lognormal").put("median_ms", f.medianMs()).put("p90_ms", f.p90Ms());
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage() + "; name a run folder written by "
                    + "fame run -e (results/<experiment>/<run-id>)", e);
        }
    }
}
