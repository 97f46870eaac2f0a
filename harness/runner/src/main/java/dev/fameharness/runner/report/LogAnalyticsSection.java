package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Log analytics" section of REPORT.md, from a log-analytics run's summary.json: the paper's claims
 * measured on the second application (fame against stateless-payload, paired turns) with exact-answer
 * accuracy in place of ROUGE, and every preset side by side (completion, failure reasons, accuracy, median
 * latency, input tokens, cost). Kept apart from {@link ReportWriter}'s paper sections so each can change alone.
 */
final class LogAnalyticsSection {

    private LogAnalyticsSection() {
    }

    /**
     * @param runPath the run folder as the report names it
     * @param summary the run's summary.json
     * @param info    the run's run.json
     */
    static void append(StringBuilder md, String runPath, JsonNode summary, JsonNode info) {
        md.append("## Log analytics\n\n");
        md.append("The paper's second application, from `").append(runPath).append("`: an engineer investigating incidents ")
                .append("in real Loghub system logs; every answer is checked exactly against the ground truth (counts exact, ")
                .append("times within 1 s, names exact, templates by pattern with counts within 10%). Conditions: scenario ")
                .append(info.path("scenario").asText()).append(", session set `").append(info.path("size").asText())
                .append("`, seeds ").append(info.path("seeds")).append(", baseline `").append(info.path("baseline").asText())
                .append("`.\n\n");
        JsonNode fame = preset(summary, "fame");
        JsonNode base = preset(summary, "stateless-payload");
        JsonNode c = comparison(summary, "fame", "stateless-payload");
        if (!fame.isMissingNode() && !base.isMissingNode() && !c.isMissingNode()) {
            md.append("| claim | paper | ours (log analytics) | 95% CI | holds? |\n|---|---|---|---|---|\n");
            java.util.Map<String, List<String>> verdicts = new java.util.LinkedHashMap<>();
            JsonNode lat = c.path("latency_median_ratio");
            double speedup = 1 / lat.path("value").asDouble();
            String latency = speedup >= 13 ? "yes" : speedup > 1 ? "direction only" : "no";
            verdicts.computeIfAbsent(latency, k -> new ArrayList<>()).add("latency");
            md.append(String.format(Locale.ROOT, "| latency (median turn) | up to 13x lower | %.2fx lower | %.2fx - %.2fx | %s |%n",
                    speedup, 1 / lat.path("high").asDouble(), 1 / lat.path("low").asDouble(), latency));
            JsonNode tok = c.path("input_tokens_ratio");
            double fewer = 1 - tok.path("value").asDouble();
            String tokens = fewer >= 0.88 ? "yes" : fewer > 0 ? "direction only" : "no";
            verdicts.computeIfAbsent(tokens, k -> new ArrayList<>()).add("input tokens");
            md.append(String.format(Locale.ROOT, "| LLM input tokens | 88%% fewer | %.1f%% fewer | %.1f%% - %.1f%% | %s |%n",
                    100 * fewer, 100 * (1 - tok.path("high").asDouble()), 100 * (1 - tok.path("low").asDouble()), tokens));
            JsonNode cost = c.path("cost_ratio");
            double lower = 1 - cost.path("value").asDouble();
            String costs = lower >= 0.66 ? "yes" : lower > 0 ? "direction only" : "no";
            verdicts.computeIfAbsent(costs, k -> new ArrayList<>()).add("cost");
            md.append(String.format(Locale.ROOT, "| cost | 66%% lower | %.1f%% lower | %.1f%% - %.1f%% | %s |%n",
                    100 * lower, 100 * (1 - cost.path("high").asDouble()), 100 * (1 - cost.path("low").asDouble()), costs));
            double fc = fame.path("completion_rate").asDouble();
            double bc = base.path("completion_rate").asDouble();
            String completion = fc > bc ? "yes" : fc == bc ? "equal" : "no";
            verdicts.computeIfAbsent(completion, k -> new ArrayList<>()).add("completion");
            md.append(String.format(Locale.ROOT, "| completion | higher | %.1f%% vs %.1f%% | - | %s |%n", 100 * fc, 100 * bc,
                    completion));
            double fa = fame.path("accuracy").asDouble(Double.NaN);
            double ba = base.path("accuracy").asDouble(Double.NaN);
            md.append(String.format(Locale.ROOT, "| exact answers (accuracy over all turns) | not stated | %.1f%% vs %.1f%% | - | %s |%n%n",
                    100 * fa, 100 * ba, fa > ba ? "higher" : fa == ba ? "equal" : "lower"));
            List<String> said = new ArrayList<>();
            verdicts.forEach((v, claims) -> said.add(String.join(", ", claims) + ": " + v));
            md.append("On log analytics the paper's claims hold as follows: ").append(String.join("; ", said)).append(".\n\n");
            md.append(String.format(Locale.ROOT, "Latency pairs the %d turns both presets completed; tokens and cost pair all %d "
                    + "turns (a failed turn counts what it used before failing); a failed turn counts as wrong in accuracy.%n%n",
                    c.path("latency_pairs").asInt(), c.path("pairs").asInt()));
        }
        md.append("| preset | turns | completion | failures | accuracy | latency p50 (ms) | input tokens | cost (USD) |\n")
                .append("|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (JsonNode p : summary.path("presets")) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %s | %s | %.1f | %d | %.6f |%n",
                    p.path("preset").asText(), p.path("turns").asLong(), 100 * p.path("completion_rate").asDouble(),
                    failures(p.path("failures_by_reason")),
                    p.has("accuracy") ? String.format(Locale.ROOT, "%.1f%%", 100 * p.path("accuracy").asDouble()) : "-",
                    p.path("latency_ms").path("p50").asDouble(), p.path("tokens").path("all").path("input_total").asLong(),
                    p.path("cost_usd").path("total").path("total").asDouble()));
        }
        md.append('\n');
    }

    private static JsonNode comparison(JsonNode s, String candidate, String baseline) {
        for (JsonNode c : s.path("comparisons")) {
            if (c.path("candidate").asText().equals(candidate) && c.path("baseline").asText().equals(baseline)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode preset(JsonNode s, String name) {
        for (JsonNode p : s.path("presets")) {
            if (p.path("preset").asText().equals(name)) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String failures(JsonNode byReason) {
        List<String> out = new ArrayList<>();
        byReason.fields().forEachRemaining(e -> out.add(e.getKey() + " " + e.getValue().asText()));
        return out.isEmpty() ? "-" : String.join(", ", out);
    }

    /** The log parser's grouping accuracy per system beside the published figures ({@code scripts/parser-accuracy.sh}). */
    static void parserAccuracy(StringBuilder md, String path, JsonNode acc) {
        md.append("### The log parser against the ground truth\n\n");
        md.append("Drain (He et al., ICWS 2017) as implemented here, run on each raw log with the benchmark's per-system "
                + "settings; metric: ").append(acc.path("metric").asText()).append("; published: ")
                .append(acc.path("published_source").asText()).append(" (`").append(path).append("`).\n\n");
        md.append("| system | lines | templates found | grouping accuracy | published |\n|---|---:|---:|---:|---:|\n");
        acc.path("systems").fields().forEachRemaining(e -> md.append(String.format(java.util.Locale.ROOT,
                "| %s | %d | %d | %.4f | %s |%n", e.getKey(), e.getValue().path("lines").asInt(),
                e.getValue().path("templates").asInt(), e.getValue().path("accuracy").asDouble(),
                e.getValue().has("published_accuracy")
                        ? String.format(java.util.Locale.ROOT, "%.4f", e.getValue().path("published_accuracy").asDouble())
                        : "-")));
        md.append('\n');
    }
}
