package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * REPORT.md's "Under faults": the fault-injection run (completion, failure reasons, median and p95 latency per
 * preset under the configured fault rates) beside the fault-free run of the same sessions, presets and seed.
 */
final class FaultSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultSection() {
    }

    static void write(StringBuilder md, Optional<Path> faults, Optional<Path> faultFree, Function<Path, String> rel) {
        md.append("## Under faults\n\n");
        if (faults.isEmpty()) {
            md.append("No fault-injection run yet: `fame run -e experiments/faults-quick.yaml --run-id reference`.\n\n");
            return;
        }
        JsonNode info = read(faults.get().resolve("run.json"));
        JsonNode withFaults = read(faults.get().resolve("summary.json"));
        JsonNode clean = faultFree.map(p -> read(p.resolve("summary.json"))).orElse(null);
        List<String> rates = new ArrayList<>();
        info.path("faults").fields().forEachRemaining(e -> rates.add(e.getKey() + " = " + e.getValue().asText()));
        md.append("From `").append(rel.apply(faults.get())).append("` (fault rates: ").append(String.join(", ", rates))
                .append("; seeded, so the same faults hit every rerun)");
        if (clean != null) {
            md.append(" beside the fault-free `").append(rel.apply(faultFree.get()))
                    .append("` (same sessions, presets and seed)");
        }
        md.append(". Latency is over completed turns; retries are the SDKs' standard-mode retries and the "
                + "workflows' own Retry fields.\n\n");
        md.append("| preset | completion (no faults) | completion (faults) | failure reasons (faults) | p50 ms (no faults) "
                + "| p50 ms (faults) | p95 ms (no faults) | p95 ms (faults) |\n|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (JsonNode p : withFaults.path("presets")) {
            JsonNode c = clean == null ? null : preset(clean, p.path("preset").asText());
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %s | %s | %.0f | %s | %.0f |%n",
                    p.path("preset").asText(),
                    c == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * c.path("completion_rate").asDouble()),
                    100 * p.path("completion_rate").asDouble(), reasons(p.path("failures_by_reason")),
                    c == null ? "-" : String.format(Locale.ROOT, "%.0f", c.path("latency_ms").path("p50").asDouble()),
                    p.path("latency_ms").path("p50").asDouble(),
                    c == null ? "-" : String.format(Locale.ROOT, "%.0f", c.path("latency_ms").path("p95").asDouble()),
                    p.path("latency_ms").path("p95").asDouble()));
        }
        md.append('\n');
    }

    private static JsonNode preset(JsonNode summary, String name) {
        for (JsonNode p : summary.path("presets")) {
            if (p.path("preset").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static String reasons(JsonNode byReason) {
        List<String> out = new ArrayList<>();
        byReason.fields().forEachRemaining(e -> out.add(e.getKey() + " " + e.getValue().asText()));
        return out.isEmpty() ? "-" : String.join(", ", out);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
