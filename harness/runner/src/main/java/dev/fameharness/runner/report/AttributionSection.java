package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.attribution.AttributionOutputs;
import dev.fameharness.report.attribution.LatencyAttribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * REPORT.md's "Where the time goes": the mean critical-path parts of each preset's turns from the run's
 * {@code attribution.json}, the stacked chart, and FAME's own overhead (state I/O + orchestration) as a share
 * of its turn latency against the oracle's. When the run's turns carry no latency split the section says the
 * attribution is missing (it is not zero).
 */
final class AttributionSection {

    private AttributionSection() {
    }

    static void write(StringBuilder md, Path runDir, Function<Path, String> rel) {
        md.append("## Where the time goes\n\n");
        Path file = runDir.resolve(AttributionOutputs.JSON_FILE);
        List<JsonNode> attributed = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                new ObjectMapper().readTree(file.toFile()).path("presets").forEach(p -> {
                    if (p.path("attributed_turns").asInt() > 0) {
                        attributed.add(p);
                    }
                });
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (attributed.isEmpty()) {
            md.append("Latency attribution is **missing** for `").append(rel.apply(runDir)).append("`: its turns carry "
                    + "no split of their latency into parts (LLM, tools, state I/O, orchestration, cold starts, "
                    + "retries). This is missing data, not zero time; rerun the reproduction with a harness that "
                    + "records the split.\n\n");
            return;
        }
        Set<String> parts = new LinkedHashSet<>(LatencyAttribution.PART_ORDER);
        attributed.forEach(p -> p.path("mean_part_ms").fieldNames().forEachRemaining(parts::add));
        parts.removeIf(part -> attributed.stream().noneMatch(p -> p.path("mean_part_ms").has(part)));
        md.append("Mean time per completed turn in ms, split along the turn's critical path (the parts sum to the "
                + "service latency); queueing is the wait between a request's arrival and its turn's start, so "
                + "parts + queueing = user-perceived latency. Overhead = ")
                .append(String.join(" + ", LatencyAttribution.OVERHEAD_PARTS))
                .append(", as a share of service latency.\n\n");
        md.append("| preset | turns | service latency");
        parts.forEach(p -> md.append(" | ").append(p));
        md.append(" | queueing | overhead share |\n|---|---:|---:");
        parts.forEach(p -> md.append("|---:"));
        md.append("|---:|---:|\n");
        for (JsonNode p : attributed) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f", p.path("preset").asText(),
                    p.path("attributed_turns").asInt(), p.path("mean_latency_ms").asDouble()));
            for (String part : parts) {
                md.append(String.format(Locale.ROOT, " | %.0f", p.path("mean_part_ms").path(part).asDouble()));
            }
            md.append(String.format(Locale.ROOT, " | %.0f | %.1f%% |%n", p.path("mean_queueing_ms").asDouble(),
                    100 * p.path("overhead_share").asDouble()));
        }
        JsonNode fame = find(attributed, "fame");
        JsonNode oracle = find(attributed, "oracle");
        if (fame != null && oracle != null) {
            md.append(String.format(Locale.ROOT, "%nFAME's own overhead (state I/O + orchestration) is %.1f%% of its "
                            + "mean turn (%.0f of %.0f ms); the oracle, whose state is free, spends %.1f%% (%.0f ms) on "
                            + "the same parts, so FAME's state tiering costs %.0f ms per turn beyond the lower bound.%n",
                    100 * fame.path("overhead_share").asDouble(), overheadMs(fame), fame.path("mean_latency_ms").asDouble(),
                    100 * oracle.path("overhead_share").asDouble(), overheadMs(oracle), overheadMs(fame) - overheadMs(oracle)));
        }
        Path chart = runDir.resolve(AttributionOutputs.CHART_FILE);
        if (Files.exists(chart)) {
            md.append("\n![latency parts](").append(rel.apply(chart)).append(")\n");
        }
        md.append('\n');
    }

    private static double overheadMs(JsonNode p) {
        double o = 0;
        for (String part : LatencyAttribution.OVERHEAD_PARTS) {
            o += p.path("mean_part_ms").path(part).asDouble();
        }
        return o;
    }

    private static JsonNode find(List<JsonNode> presets, String name) {
        return presets.stream().filter(p -> p.path("preset").asText().equals(name)).findFirst().orElse(null);
    }
}
