package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a run's summary.json with a committed baseline summary.json: per preset, input tokens, cost,
 * completion rate, answer quality (mean ROUGE-L F1 of completed turns) and modeled median/p95 latency must stay
 * within the stated tolerances. The virtual clock
 * makes a run deterministic, so any move is a code change; the tolerances say which moves are acceptable.
 */
public final class RegressionCheck {

    /**
     * Relative tolerances (0.01 = 1%) on tokens, cost and latency; absolute ones on completion rate and on answer
     * quality ({@code quality}: the allowed drop of mean ROUGE-L F1 over completed turns, in F1 points).
     */
    public record Tolerances(double tokens, double cost, double latency, double completion, double quality) {
        public static final Tolerances DEFAULT = new Tolerances(0.02, 0.02, 0.05, 0.0, 0.005);

        public Tolerances {
            if (tokens < 0 || cost < 0 || latency < 0 || completion < 0 || quality < 0) {
                throw new ConfigException("tolerances must be >= 0");
            }
        }
    }

    /** One figure out of tolerance (or a preset missing). */
    public record Finding(String preset, String metric, double baseline, double current, String allowed) {
        @Override
        public String toString() {
            if (Double.isNaN(current)) {
                return String.format(Locale.ROOT, "%-20s %-22s missing from the current run", preset, metric);
            }
            double change = baseline == 0 ? Double.POSITIVE_INFINITY : (current - baseline) / baseline * 100;
            return String.format(Locale.ROOT, "%-20s %-22s baseline %-14s current %-14s change %+.2f%% (allowed %s)",
                    preset, metric, fmt(baseline), fmt(current), change, allowed);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegressionCheck() {
    }

    public static List<Finding> compare(Path baseline, Path current, Tolerances t) {
        return compare(read(baseline), read(current), t);
    }

    public static List<Finding> compare(JsonNode baseline, JsonNode current, Tolerances t) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode b : baseline.path("presets")) {
            String name = b.path("preset").asText();
            JsonNode c = null;
            for (JsonNode x : current.path("presets")) {
                if (x.path("preset").asText().equals(name)) {
                    c = x;
                }
            }
            if (c == null) {
                out.add(new Finding(name, "preset", 1, Double.NaN, "present"));
                continue;
            }
            relative(out, name, "input_tokens", b.path("tokens").path("all").path("input_total").asDouble(),
                    c.path("tokens").path("all").path("input_total").asDouble(), t.tokens());
            relative(out, name, "output_tokens", b.path("tokens").path("all").path("output_total").asDouble(),
                    c.path("tokens").path("all").path("output_total").asDouble(), t.tokens());
            relative(out, name, "cost_usd", b.path("cost_usd").path("total").path("total").asDouble(),
                    c.path("cost_usd").path("total").path("total").asDouble(), t.cost());
            relative(out, name, "latency_p50_ms", b.path("latency_ms").path("p50").asDouble(),
                    c.path("latency_ms").path("p50").asDouble(), t.latency());
            relative(out, name, "latency_p95_ms", b.path("latency_ms").path("p95").asDouble(),
                    c.path("latency_ms").path("p95").asDouble(), t.latency());
            double bc = b.path("completion_rate").asDouble();
            double cc = c.path("completion_rate").asDouble();
            if (cc < bc - t.completion() - 1e-12) {
                out.add(new Finding(name, "completion_rate", bc, cc, "-" + t.completion() + " absolute"));
            }
            double bq = b.path("rouge_completed").path("rouge_l").asDouble();
            double cq = c.path("rouge_completed").path("rouge_l").asDouble();
            if (cq < bq - t.quality() - 1e-12) {
                out.add(new Finding(name, "rouge_l_completed", bq, cq, "-" + t.quality() + " absolute"));
            }
            // Scenarios that judge correctness: accuracy may not drop either (same tolerance as completion).
            if (b.has("accuracy")) {
                double ba = b.path("accuracy").asDouble();
                double ca = c.path("accuracy").asDouble(0);
                if (ca < ba - t.completion() - 1e-12) {
                    out.add(new Finding(name, "accuracy", ba, ca, "-" + t.completion() + " absolute"));
                }
            }
        }
        return out;
    }

    private static void relative(List<Finding> out, String preset, String metric, double base, double cur, double tol) {
        double allowed = Math.abs(base) * tol;
        if (Math.abs(cur - base) > allowed + 1e-9) {
            out.add(new Finding(preset, metric, base, cur, String.format(Locale.ROOT, "+/-%.1f%%", tol * 100)));
        }
    }

    static JsonNode read(Path file) {
        Path f = Files.isDirectory(file) ? file.resolve("summary.json") : file;
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read summary " + f + ": " + e.getMessage()
                    + " (pass a summary.json or a run folder that contains one)", e);
        }
    }
}
