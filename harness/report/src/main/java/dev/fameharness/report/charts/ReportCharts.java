package dev.fameharness.report.charts;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.Service;
import dev.fameharness.report.results.PresetSummary;
import dev.fameharness.report.results.RunResults;
import dev.fameharness.report.results.RunSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The run's charts as PNG files (XChart, headless): latency distribution per preset (box plot), input tokens
 * by role per preset (stacked bars), cost by service per preset (stacked bars), completion rate per preset
 * (bars) and parameter sweeps (one line per preset). Titles and axis labels carry units. Output depends only on
 * the data and the fonts installed: no timestamps, Locale.ROOT number formats.
 */
public final class ReportCharts {

    public static final String LATENCY = "latency.png";
    public static final String TOKENS = "tokens-by-role.png";
    public static final String COST = "cost-by-service.png";
    public static final String COMPLETION = "completion-rate.png";

    private static final List<String> ROLES = List.of("planner", "actor", "evaluator");

    private ReportCharts() {
    }

    /** Writes the four per-run charts into {@code dir}; returns the files written. */
    public static List<Path> writeAll(RunResults results, Path dir, ChartSize size) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(latency(results.turns(), dir.resolve(LATENCY), size));
        out.add(tokensByRole(results.summary(), dir.resolve(TOKENS), size));
        out.add(costByService(results.summary(), dir.resolve(COST), size));
        out.add(completionRate(results.summary(), dir.resolve(COMPLETION), size));
        return List.copyOf(out);
    }

    /** Box plot of the latency of completed turns per preset, in ms; presets without completed turns skipped. */
    public static Path latency(List<TurnRecord> turns, Path file, ChartSize size) throws IOException {
        Map<String, List<Double>> byPreset = new LinkedHashMap<>();
        for (TurnRecord t : turns) {
            List<Double> l = byPreset.computeIfAbsent(t.preset(), k -> new ArrayList<>());
            if (t.completed()) {
                l.add(t.latencyMicros() / 1000.0);
            }
        }
        BoxChart chart = new BoxChartBuilder().width(size.widthPx()).height(size.heightPx())
                .title("Turn latency per preset (completed turns)").xAxisTitle("preset")
                .yAxisTitle("latency (ms)").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        int series = 0;
        for (Map.Entry<String, List<Double>> e : byPreset.entrySet()) {
            if (!e.getValue().isEmpty()) {
                chart.addSeries(e.getKey(), e.getValue());
                series++;
            }
        }
        if (series == 0) {
            throw new IllegalArgumentException("latency chart: no completed turns");
        }
        return save(chart, file);
    }

    /** Stacked bars: total LLM input tokens per preset, one segment per role. */
    public static Path tokensByRole(RunSummary summary, Path file, ChartSize size) throws IOException {
        CategoryChart chart = category("LLM input tokens by role", "input tokens (total over the run)", size);
        List<String> presets = presetNames(summary);
        for (String role : ROLES) {
            List<Double> y = new ArrayList<>();
            for (PresetSummary p : summary.presets()) {
                y.add((double) p.tokensByRole().get(role).inputTotal());
            }
            chart.addSeries(role, presets, y);
        }
        chart.getStyler().setStacked(true);
        return save(chart, file);
    }

    /** Stacked bars: run cost per preset (usage + storage), one segment per service, in USD. */
    public static Path costByService(RunSummary summary, Path file, ChartSize size) throws IOException {
        CategoryChart chart = category("Cost by service (usage + storage, free tiers not applied)",
                "cost (USD)", size);
        List<String> presets = presetNames(summary);
        for (Service s : Service.values()) {
            List<Double> y = new ArrayList<>();
            for (PresetSummary p : summary.presets()) {
                y.add(p.totalCost().usd(s));
            }
            chart.addSeries(s.label(), presets, y);
        }
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisDecimalPattern("0.000000");
        return save(chart, file);
    }

    /** Bars: completed turns as a percentage of all turns, per preset. */
    public static Path completionRate(RunSummary summary, Path file, ChartSize size) throws IOException {
        CategoryChart chart = category("Completion rate", "completed turns (%)", size);
        List<Double> y = new ArrayList<>();
        for (PresetSummary p : summary.presets()) {
            y.add(100 * p.completionRate());
        }
        chart.addSeries("completion rate", presetNames(summary), y);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        return save(chart, file);
    }

    /** One line per preset: the sweep's metric against its parameter. */
    public static Path sweep(Sweep sweep, Path file, ChartSize size) throws IOException {
        XYChart chart = new XYChartBuilder().width(size.widthPx()).height(size.heightPx()).title(sweep.title())
                .xAxisTitle(sweep.parameter() + " (" + sweep.parameterUnit() + ")")
                .yAxisTitle(sweep.metric() + " (" + sweep.metricUnit() + ")").build();
        style(chart.getStyler());
        for (Map.Entry<String, SortedMap<Double, Double>> e : sweep.points().entrySet()) {
            List<Double> x = new ArrayList<>(e.getValue().keySet());
            List<Double> y = new ArrayList<>(e.getValue().values());
            chart.addSeries(e.getKey(), x, y);
        }
        return save(chart, file);
    }

    private static CategoryChart category(String title, String yTitle, ChartSize size) {
        CategoryChart chart = new CategoryChartBuilder().width(size.widthPx()).height(size.heightPx()).title(title)
                .xAxisTitle("preset").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLocale(Locale.ROOT);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAntiAlias(true);
    }

    private static List<String> presetNames(RunSummary summary) {
        if (summary.presets().isEmpty()) {
            throw new IllegalArgumentException("chart: the run has no presets");
        }
        return summary.presets().stream().map(PresetSummary::preset).toList();
    }

    private static Path save(Chart<?, ?> chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }
}
