package dev.fameharness.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.report.charts.ReportCharts;
import dev.fameharness.report.charts.Sweep;
import dev.fameharness.report.results.PresetSummary;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sweeps one preset field over values (offload threshold, hot store, cache on/off, Lambda memory, ...) and
 * writes {@code results/sweeps/<param>/}: one full run per value, {@code sweep.json} with the figures and a
 * generated conclusion, and one chart per metric with a line per preset.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run an experiment once per value of a preset field and chart latency, tokens and cost against it.")
final class SweepCommand implements Callable<Integer> {

    @Option(names = {"-e", "--experiment"}, defaultValue = "experiments/sweep-base.yaml",
            description = "The base experiment. Default: ${DEFAULT-VALUE}.")
    Path experiment;

    @Option(names = "--param", required = true, description = "The preset field to sweep, e.g. offload_threshold_bytes, hot_store, tool_cache, function_memory_mb.")
    String param;

    @Option(names = "--values", required = true, split = ",", description = "Comma-separated values.")
    List<String> values;

    @Option(names = "--unit", defaultValue = "", description = "Unit of the parameter for the chart axis.")
    String unit;

    @picocli.CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() throws IOException {
        PresetCatalog catalog = PresetCatalog.discover();
        Experiment base = options.apply(Experiment.load(experiment, catalog), catalog);
        if (values.size() < 2) {
            throw new ConfigException("--values needs at least two values to sweep, got " + values);
        }
        if (options.runId != null) {
            options.runId(); // validates the prefix before anything runs
        }
        boolean numeric = values.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
        // Every value is validated against every preset before the first run starts: bad input runs nothing.
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        for (String value : values) {
            Object v = parseScalar(value);
            List<Preset> presets = new ArrayList<>();
            for (Preset p : base.presets()) {
                presets.add(p.with(Map.of(param, v), "--param " + param + "=" + value));
            }
            if (experiments.put(value, base.with(presets, base.seeds(), base.size())) != null) {
                throw new ConfigException("--values lists '" + value + "' twice");
            }
        }
        Path dir = options.results().resolve("sweeps").resolve(param);
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        out.put("parameter", param);
        out.put("experiment", base.source());
        ArrayNode points = out.putArray("points");
        Map<String, Map<String, PresetSummary>> byValue = new LinkedHashMap<>();
        for (String value : values) {
            Experiment e = experiments.get(value);
            String runId = (options.runId == null ? "" : options.runId + "-") + param + "-" + value;
            ExperimentRunner.Outcome o = ExperimentCommands.run(e, dir.resolve("runs"), runId, options.quiet,
                    options.resume(e), options.profile(), System.out, System.err);
            Map<String, PresetSummary> summaries = new LinkedHashMap<>();
            for (PresetSummary s : o.results().summary().presets()) {
                summaries.put(s.preset(), s);
                ObjectNode pt = points.addObject();
                pt.put("value", value);
                pt.put("preset", s.preset());
                pt.put("latency_p50_ms", s.latencyMs().p50());
                pt.put("latency_p95_ms", s.latencyMs().p95());
                pt.put("input_tokens", s.inputTokens());
                pt.put("cost_usd", s.totalCost().total());
                pt.put("completion_rate", s.completionRate());
                pt.put("run", dir.relativize(o.runDir()).toString());
            }
            byValue.put(value, summaries);
        }
        ArrayNode charts = out.putArray("charts");
        String axisUnit = numeric ? unit : "index: " + String.join(", ", indexLabels());
        charts.add(chart(dir, "latency.png", "Median turn latency vs " + param, "median turn latency", "ms", axisUnit,
                byValue, s -> s.latencyMs().p50()));
        charts.add(chart(dir, "cost.png", "Cost vs " + param, "cost of the run", "USD", axisUnit, byValue,
                s -> s.totalCost().total()));
        charts.add(chart(dir, "input-tokens.png", "LLM input tokens vs " + param, "input tokens", "tokens", axisUnit,
                byValue, s -> s.inputTokens()));
        out.put("conclusion", conclusion(byValue));
        json.writeValue(dir.resolve("sweep.json").toFile(), out);
        System.out.println(out.path("conclusion").asText());
        System.out.println("sweep written to " + dir);
        return FameCli.OK;
    }

    private List<String> indexLabels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            labels.add(i + "=" + values.get(i));
        }
        return labels;
    }

    private String chart(Path dir, String file, String title, String metric, String metricUnit, String axisUnit,
                         Map<String, Map<String, PresetSummary>> byValue, ToDoubleFunction<PresetSummary> f) {
        Map<String, java.util.SortedMap<Double, Double>> lines = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Map<String, PresetSummary>> e : byValue.entrySet()) {
            double x = e.getKey().matches("-?\\d+(\\.\\d+)?") ? Double.parseDouble(e.getKey()) : i;
            for (PresetSummary s : e.getValue().values()) {
                lines.computeIfAbsent(s.preset(), k -> new TreeMap<>()).put(x, f.applyAsDouble(s));
            }
            i++;
        }
        try {
            ReportCharts.sweep(new Sweep(title, param, axisUnit.isEmpty() ? "value" : axisUnit, metric, metricUnit, lines),
                    dir.resolve(file), ChartSize.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Which value wins on each metric, for each preset, and by how much: the paragraph REPORT.md shows. */
    private String conclusion(Map<String, Map<String, PresetSummary>> byValue) {
        StringBuilder sb = new StringBuilder();
        List<String> presets = new ArrayList<>(byValue.values().iterator().next().keySet());
        for (String preset : presets) {
            sb.append(String.format(Locale.ROOT, "For %s: ", preset));
            sb.append(best(byValue, preset, "median latency", s -> s.latencyMs().p50(), "%.0f ms")).append("; ");
            sb.append(best(byValue, preset, "cost", s -> s.totalCost().total(), "$%.4f")).append("; ");
            sb.append(best(byValue, preset, "input tokens", s -> s.inputTokens(), "%.0f")).append("; ");
            sb.append(best(byValue, preset, "completion (higher is better)", s -> -s.completionRate(), "%.3f"));
            sb.append(". ");
        }
        return sb.toString().strip();
    }

    private String best(Map<String, Map<String, PresetSummary>> byValue, String preset, String metric,
                        ToDoubleFunction<PresetSummary> f, String format) {
        String bestValue = null;
        double best = Double.POSITIVE_INFINITY;
        double worst = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Map<String, PresetSummary>> e : byValue.entrySet()) {
            double v = f.applyAsDouble(e.getValue().get(preset));
            if (v < best) {
                best = v;
                bestValue = e.getKey();
            }
            worst = Math.max(worst, v);
        }
        boolean negated = metric.startsWith("completion");
        double shownBest = negated ? -best : best;
        double shownWorst = negated ? -worst : worst;
        if (Math.abs(worst - best) <= 1e-9 * Math.max(1, Math.abs(best))) {
            return metric + " is the same for every value (" + String.format(Locale.ROOT, format, shownBest) + ")";
        }
        double spread = best == 0 ? 0 : Math.abs(worst - best) / Math.abs(best) * 100;
        return String.format(Locale.ROOT, "%s is best at %s=%s (" + format + " vs " + format + " at worst, %.1f%% apart)",
                metric, param, bestValue, shownBest, shownWorst, spread);
    }

    /**
     * A value as the preset file would hold it: whole numbers as Long, decimals as Double (a preset field that
     * needs a whole number refuses a decimal with its name and value, never truncates it), booleans, text.
     */
    static Object parseScalar(String v) {
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean(v);
        }
        if (v.matches("-?\\d+")) {
            return Long.valueOf(v);
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return Double.valueOf(v);
        }
        return v;
    }
}
