package dev.fameharness.report.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.report.charts.ChartSize;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes a run's {@link LatencyAttribution}s: {@code attribution.json} (always; a preset without parts says
 * {@code "attributed_turns": 0}) and, when at least one preset has parts, {@code latency-parts.png}: one stacked
 * bar per preset of the mean part durations, with queueing on top, so a bar's height is the mean user-perceived
 * latency of its attributed turns.
 */
public final class AttributionOutputs {

    public static final String JSON_FILE = "attribution.json";
    public static final String CHART_FILE = "latency-parts.png";
    public static final String QUEUEING = "queueing";

    private AttributionOutputs() {
    }

    /** Writes the JSON and, if any preset is attributed, the chart; returns the files written. */
    public static List<Path> write(List<LatencyAttribution> attribution, Path dir, ChartSize size) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(json(attribution, dir.resolve(JSON_FILE)));
        if (attribution.stream().anyMatch(LatencyAttribution::present)) {
            out.add(chart(attribution, dir.resolve(CHART_FILE), size));
        }
        return List.copyOf(out);
    }

    static Path json(List<LatencyAttribution> attribution, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("unit", "ms");
        root.put("overhead_parts", String.join(", ", LatencyAttribution.OVERHEAD_PARTS));
        ArrayNode presets = root.putArray("presets");
        for (LatencyAttribution a : attribution) {
            ObjectNode n = presets.addObject();
            n.put("preset", a.preset());
            n.put("completed_turns", a.completedTurns());
            n.put("attributed_turns", a.attributedTurns());
            if (!a.present()) {
                continue;
            }
            n.put("mean_latency_ms", round(a.meanLatencyMs()));
            n.put("mean_queueing_ms", round(a.meanQueueMs()));
            n.put("overhead_share", round(a.overheadShare()));
            ObjectNode parts = n.putObject("mean_part_ms");
            for (String p : a.orderedParts()) {
                parts.put(p, round(a.meanPartMs().get(p)));
            }
        }
        mapper.writeValue(file.toFile(), root);
        return file;
    }

    static Path chart(List<LatencyAttribution> attribution, Path file, ChartSize size) throws IOException {
        List<LatencyAttribution> shown = attribution.stream().filter(LatencyAttribution::present).toList();
        Set<String> parts = new LinkedHashSet<>();
        shown.forEach(a -> parts.addAll(a.orderedParts()));
        CategoryChart chart = new CategoryChartBuilder().width(size.widthPx()).height(size.heightPx())
                .title("Where the time goes: mean latency parts per preset (completed, attributed turns)")
                .xAxisTitle("preset").yAxisTitle("mean time per turn (ms)").build();
        Styler styler = chart.getStyler();
        styler.setLocale(Locale.ROOT);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAntiAlias(true);
        chart.getStyler().setStacked(true);
        List<String> presets = shown.stream().map(LatencyAttribution::preset).toList();
        for (String part : parts) {
            chart.addSeries(part, presets, shown.stream().map(a -> a.meanPartMs().getOrDefault(part, 0.0)).toList());
        }
        chart.addSeries(QUEUEING, presets, shown.stream().map(LatencyAttribution::meanQueueMs).toList());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
