package dev.fameharness.report.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.report.cost.Cost;
import dev.fameharness.report.stats.Distribution;
import dev.fameharness.report.stats.Estimate;
import dev.fameharness.report.stats.RankTest;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json}: the {@link RunSummary} as JSON, keys in a fixed order, two-space indent, LF line ends,
 * numbers in plain decimal. Per preset, {@code latency_parts_us} holds the mean and median of every latency part
 * over its completed turns ({@link LatencyParts}; empty when the turns carry no attribution). Units are in the key
 * names: {@code latency_ms}, {@code latency_parts_us}, {@code cost_usd},
 * {@code server_start_ms}, {@code redis_peak_bytes}. Undefined estimates are {@code null}. Layout is described
 * in the module README.
 */
public final class SummaryJsonWriter implements ResultFormat {

    private static final JsonNodeFactory F = StableJson.NODES;

    @Override
    public void write(RunResults results, Writer out) throws IOException {
        RunSummary s = results.summary();
        ObjectNode root = F.objectNode();
        root.put("run_id", s.runId());
        ObjectNode prices = root.putObject("prices");
        prices.put("file", s.priceFile());
        prices.put("region", s.priceRegion());
        prices.put("collected", s.pricesCollected().toString());
        prices.put("free_tier_applied", false);
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("resamples", s.bootstrapResamples());
        boot.put("confidence", Numbers.decimal(s.confidence()));
        boot.put("seed", s.bootstrapSeed());
        boot.put("percentile_definition", "linear interpolation (Hyndman-Fan 7, numpy default)");
        ObjectNode starts = root.putObject("server_start_ms");
        s.serverStartMillis().forEach((k, v) -> starts.put(k, Numbers.decimal(v)));
        ArrayNode presets = root.putArray("presets");
        for (PresetSummary p : s.presets()) {
            ObjectNode node = preset(p);
            accuracy(node, results, p.preset());
            node.set("latency_parts_us", latencyParts(results.turns().stream()
                    .filter(t -> t.preset().equals(p.preset()) && t.completed()).toList()));
            presets.add(node);
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (Comparison c : s.comparisons()) {
            comparisons.add(comparison(c));
        }
        StableJson.write(root, out);
    }

    private static ObjectNode preset(PresetSummary p) {
        ObjectNode n = F.objectNode();
        n.put("preset", p.preset());
        n.put("turns", p.turns());
        n.put("completed", p.completed());
        n.put("completion_rate", Numbers.decimal(p.completionRate()));
        ObjectNode failures = n.putObject("failures_by_reason");
        p.failuresByReason().forEach(failures::put);
        n.set("latency_ms", distribution(p.latencyMs()));
        ObjectNode tokens = n.putObject("tokens");
        for (String role : RunSummary.ROLES) {
            TokenStats t = p.tokensByRole().get(role);
            ObjectNode r = tokens.putObject(role);
            r.put("input_total", t.inputTotal());
            r.put("output_total", t.outputTotal());
            r.put("input_mean", Numbers.decimal(t.inputMean()));
            r.put("output_mean", Numbers.decimal(t.outputMean()));
        }
        n.set("rouge_completed", rouge(p.rougeCompleted()));
        n.set("rouge_all", rouge(p.rougeAll()));
        ObjectNode cost = n.putObject("cost_usd");
        cost.set("usage", cost(p.usageCost()));
        cost.set("storage", cost(p.storageCost()));
        cost.set("total", cost(p.totalCost()));
        n.put("cache_hits", p.cacheHits());
        n.put("cold_starts", p.coldStarts());
        n.put("tool_calls", p.toolCalls());
        if (p.redisPeakBytes().isPresent()) {
            n.put("redis_peak_bytes", p.redisPeakBytes().getAsLong());
        } else {
            n.putNull("redis_peak_bytes");
        }
        return n;
    }

    /**
     * {@code scored_turns}, {@code correct_turns} and {@code accuracy} (correct / scored) of a preset, when the
     * scenario scored any of its turns ({@link dev.fameharness.report.TurnRecord#correct()} not -1).
     */
    private static void accuracy(ObjectNode node, RunResults results, String preset) {
        long scored = 0;
        long correct = 0;
        for (var t : results.turns()) {
            if (t.preset().equals(preset) && t.correct() != dev.fameharness.report.TurnRecord.NOT_SCORED) {
                scored++;
                correct += t.correct() == dev.fameharness.report.TurnRecord.CORRECT ? 1 : 0;
            }
        }
        if (scored > 0) {
            node.put("scored_turns", scored);
            node.put("correct_turns", correct);
            node.put("accuracy", Numbers.decimal((double) correct / scored));
        }
    }

    /** Per part, the mean and median over the preset's completed turns, in microseconds (see {@link LatencyParts}). */
    private static ObjectNode latencyParts(java.util.List<dev.fameharness.report.TurnRecord> turns) {
        ObjectNode n = F.objectNode();
        LatencyParts.summarise(turns).forEach((part, stat) -> {
            ObjectNode p = n.putObject(part);
            p.put("mean", Numbers.decimal(stat.meanMicros()));
            p.put("median", Numbers.decimal(stat.medianMicros()));
        });
        return n;
    }

    private static ObjectNode comparison(Comparison c) {
        ObjectNode n = F.objectNode();
        n.put("candidate", c.candidate());
        n.put("baseline", c.baseline());
        n.put("pairs", c.pairs());
        n.put("latency_pairs", c.latencyPairs());
        n.set("latency_median_ratio", estimate(c.latencyMedianRatio()));
        n.set("latency_test", test(c.latencyTest()));
        n.set("input_tokens_ratio", estimate(c.inputTokensRatio()));
        n.set("input_tokens_test", test(c.inputTokensTest()));
        n.set("cost_ratio", estimate(c.costRatio()));
        n.set("cost_test", test(c.costTest()));
        return n;
    }

    private static ObjectNode distribution(Distribution d) {
        ObjectNode n = F.objectNode();
        n.put("n", d.n());
        n.put("mean", Numbers.decimal(d.mean()));
        n.put("min", Numbers.decimal(d.min()));
        n.put("p50", Numbers.decimal(d.p50()));
        n.put("p95", Numbers.decimal(d.p95()));
        n.put("p99", Numbers.decimal(d.p99()));
        n.put("max", Numbers.decimal(d.max()));
        return n;
    }

    private static ObjectNode rouge(RougeMeans r) {
        ObjectNode n = F.objectNode();
        n.put("rouge1", Numbers.decimal(r.rouge1()));
        n.put("rouge2", Numbers.decimal(r.rouge2()));
        n.put("rouge_l", Numbers.decimal(r.rougeL()));
        return n;
    }

    private static ObjectNode cost(Cost c) {
        ObjectNode n = F.objectNode();
        for (Map.Entry<String, Double> e : c.usdByService().entrySet()) {
            n.put(e.getKey(), Numbers.decimal(e.getValue()));
        }
        n.put("total", Numbers.decimal(c.total()));
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode estimate(Optional<Estimate> e) {
        if (e.isEmpty()) {
            return F.nullNode();
        }
        Estimate x = e.get();
        ObjectNode n = F.objectNode();
        n.put("value", Numbers.decimal(x.value()));
        n.put("low", Numbers.decimal(x.low()));
        n.put("high", Numbers.decimal(x.high()));
        n.put("confidence", Numbers.decimal(x.confidence()));
        n.put("resamples", x.resamples());
        n.put("seed", x.seed());
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode test(Optional<RankTest> t) {
        if (t.isEmpty()) {
            return F.nullNode();
        }
        RankTest x = t.get();
        ObjectNode n = F.objectNode();
        n.put("test", x.test());
        n.put("statistic", Numbers.decimal(x.statistic()));
        n.put("p_value", Numbers.decimal(x.pValue()));
        n.put("n", x.n());
        n.put("method", x.method());
        return n;
    }
}
