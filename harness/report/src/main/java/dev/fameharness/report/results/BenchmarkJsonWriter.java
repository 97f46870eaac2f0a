package dev.fameharness.report.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.report.stats.Estimate;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code benchmark.json}: a run's headline figures in the layout continuous-benchmark trackers read, the
 * {@code customSmallerIsBetter} tool of github-action-benchmark: a JSON array of {@code {name, unit, value}}
 * with the optional {@code range} and {@code extra} strings. Every figure is one where smaller is better: per
 * preset the median and p95 latency of completed turns (ms), LLM input tokens per turn, usage plus storage cost
 * per turn (USD) and the share of failed turns (%); per comparison the candidate-over-baseline ratios of median
 * latency, input tokens and cost, with their 95% interval as {@code range}. Names are
 * {@code <run experiment>/<preset or comparison>/<figure>}, so one tracker can follow several experiments.
 */
public final class BenchmarkJsonWriter {

    public static final String FILE = "benchmark.json";

    private static final JsonNodeFactory F = StableJson.NODES;

    private BenchmarkJsonWriter() {
    }

    /** Writes {@value #FILE} for {@code summary} into {@code dir}. */
    public static Path write(RunSummary summary, Path dir) throws IOException {
        return StableJson.writeFile(dir, FILE, w -> write(summary, w));
    }

    public static void write(RunSummary s, Writer out) throws IOException {
        String experiment = s.runId().contains("/") ? s.runId().substring(0, s.runId().indexOf('/')) : s.runId();
        ArrayNode root = F.arrayNode();
        for (PresetSummary p : s.presets()) {
            String prefix = experiment + "/" + p.preset() + "/";
            String extra = String.format(Locale.ROOT, "run %s; %d turns, %d completed", s.runId(), p.turns(),
                    p.completed());
            add(root, prefix + "latency p50", "ms", p.latencyMs().p50(), Optional.empty(), extra);
            add(root, prefix + "latency p95", "ms", p.latencyMs().p95(), Optional.empty(), extra);
            add(root, prefix + "input tokens per turn", "tokens", p.tokensByRole().get("all").inputMean(),
                    Optional.empty(), extra);
            add(root, prefix + "cost per turn", "USD", p.turns() == 0 ? 0 : p.totalCost().total() / p.turns(),
                    Optional.empty(), extra);
            add(root, prefix + "failed turns", "%", 100 * (1 - p.completionRate()), Optional.empty(), extra);
        }
        for (Comparison c : s.comparisons()) {
            String prefix = experiment + "/" + c.candidate() + " vs " + c.baseline() + "/";
            String extra = String.format(Locale.ROOT, "run %s; %d paired turns; candidate over baseline, turn-level "
                    + "bootstrap interval as range", s.runId(), c.pairs());
            ratio(root, prefix + "latency median ratio", c.latencyMedianRatio(), extra);
            ratio(root, prefix + "input tokens ratio", c.inputTokensRatio(), extra);
            ratio(root, prefix + "cost ratio", c.costRatio(), extra);
        }
        StableJson.write(root, out);
    }

    private static void ratio(ArrayNode root, String name, Optional<Estimate> e, String extra) {
        e.ifPresent(x -> add(root, name, "ratio", x.value(), Optional.of(String.format(Locale.ROOT,
                "%.4f - %.4f", x.low(), x.high())), extra));
    }

    private static void add(ArrayNode root, String name, String unit, double value, Optional<String> range,
                            String extra) {
        ObjectNode n = root.addObject();
        n.put("name", name);
        n.put("unit", unit);
        n.put("value", Numbers.decimal(value));
        range.ifPresent(r -> n.put("range", r));
        n.put("extra", extra);
    }
}
