package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * REPORT.md's "What it would take", from the newest (or {@code reference}) {@code fame sensitivity} run under
 * {@code results/sensitivity/}: for each claim the assumption values under which it reaches the paper's figure
 * (or that no value in the range does), each parameter's swing, whether it changed anything counted, and the
 * tornado charts.
 */
final class SensitivitySection {

    static final String FILE = "sensitivity.json";

    private SensitivitySection() {
    }

    static void write(StringBuilder md, Path sensitivityRoot, Function<Path, String> rel) {
        md.append("## What it would take\n\n");
        Optional<Path> run = newest(sensitivityRoot);
        if (run.isEmpty()) {
            md.append("No sensitivity run yet: `fame sensitivity` (plan `experiments/plans/sensitivity.yaml`) writes "
                    + "`results/sensitivity/<run-id>/`.\n\n");
            return;
        }
        JsonNode s;
        try {
            s = new ObjectMapper().readTree(run.get().resolve(FILE).toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + run.get().resolve(FILE) + ": " + e.getMessage(), e);
        }
        List<String> seeds = new ArrayList<>();
        s.path("seeds").forEach(x -> seeds.add(x.asText()));
        md.append(String.format(Locale.ROOT, "From `%s`: `%s` against `%s` on the `%s` sessions, seeds %s; %d full reruns "
                        + "of the paired comparison in %.1f s on this machine. Each assumption is varied one at a time over "
                        + "the documented range of `experiments/plans/sensitivity.yaml` with everything else at its base value, "
                        + "then the two most influential (%s) together at the corners of their ranges. A claim reaches the "
                        + "paper's figure at a level when its point ratio is at or below the figure.%n%n",
                rel.apply(run.get()), s.path("candidate").asText(), s.path("baseline").asText(), s.path("size").asText(),
                seeds, s.path("levels_run").asInt(), s.path("wall_ms").asLong() / 1000.0,
                String.join(" and ", texts(s.path("interaction").path("parameters")))));
        md.append("| claim | paper (ratio) | ours at base | assumption values under which it reaches the paper's figure |\n")
                .append("|---|---:|---:|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("claims").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            String key = c.getKey();
            if (!s.path("base").has(key)) {
                continue;
            }
            List<String> reach = new ArrayList<>();
            for (JsonNode p : s.path("parameters")) {
                List<String> v = texts(p.path("reaches_paper_figure_at").path(key));
                if (!v.isEmpty()) {
                    reach.add(p.path("name").asText() + " = " + String.join(", ", v.stream().map(SensitivitySection::num).toList()));
                }
            }
            double figure = c.getValue().path("paper_ratio").asDouble();
            for (JsonNode l : s.path("interaction").path("levels")) {
                JsonNode x = l.path("claims").path(key);
                if (!x.isMissingNode() && x.path("value").asDouble() <= figure) {
                    List<String> a = new ArrayList<>();
                    l.path("assignment").fields().forEachRemaining(e -> a.add(e.getKey() + " = " + num(e.getValue().asText())));
                    reach.add("together: " + String.join(" and ", a));
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s |%n", c.getValue().path("label").asText(), figure,
                    s.path("base").path(key).path("value").asDouble(),
                    reach.isEmpty() ? "no value in the range does" : String.join("; ", reach)));
        }
        md.append("\nEach parameter's range and effect (smallest - largest claim ratio over its range); \"counts changed\" "
                + "says whether any level counted different tokens, calls, store operations, bytes, cache hits or cold "
                + "starts than the base level (a parameter that only moved modeled time would leave them identical):\n\n");
        md.append("| parameter | kind | base | values | latency (median turn) | input tokens | cost | counts changed |\n")
                .append("|---|---|---:|---|---|---|---|---|\n");
        for (JsonNode p : s.path("parameters")) {
            List<String> values = new ArrayList<>();
            p.path("levels").forEach(l -> values.add(num(l.path("value").asText())));
            md.append(String.format(Locale.ROOT, "| %s | %s (%s) | %s | %s | %s | %s | %s | %s |%n", p.path("name").asText(),
                    p.path("kind").asText(), String.join(", ", texts(p.path("targets"))),
                    p.path("base_value").isNull() ? "-" : num(p.path("base_value").asText()), String.join(", ", values),
                    span(p, "latency-typical"), span(p, "input-tokens"), span(p, "cost"),
                    p.path("counts_unchanged").asBoolean() ? "no" : "yes"));
        }
        md.append('\n');
        try (Stream<Path> files = Files.list(run.get())) {
            for (Path png : files.filter(f -> f.getFileName().toString().startsWith("tornado-")).sorted().toList()) {
                md.append("![").append(png.getFileName()).append("](").append(rel.apply(png)).append(")\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        md.append('\n');
    }

    private static String span(JsonNode p, String claim) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode l : p.path("levels")) {
            JsonNode x = l.path("claims").path(claim);
            if (!x.isMissingNode()) {
                min = Math.min(min, x.path("value").asDouble());
                max = Math.max(max, x.path("value").asDouble());
            }
        }
        return min > max ? "-" : String.format(Locale.ROOT, "%.3f - %.3f", min, max);
    }

    /** A number as written in the plan: "10100", "0.05" (no trailing ".0"). */
    static String num(String text) {
        try {
            return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The {@code reference} run if it has sensitivity.json, else the newest run that has one. */
    static Optional<Path> newest(Path root) {
        if (Files.exists(root.resolve("reference").resolve(FILE))) {
            return Optional.of(root.resolve("reference"));
        }
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(root)) {
            return runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.exists(p.resolve(FILE))).max(java.util.Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
