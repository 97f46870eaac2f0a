package dev.fameharness.runner.sensitivity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.report.stats.Estimate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a sensitivity {@link SensitivityRunner.Result}: {@code sensitivity.json} (every level's claim values
 * with intervals, whether each parameter changed any count, and the frontier: per claim and parameter the values
 * at which the claim reaches the paper's figure), {@code sensitivity.md} (the same as tables) and one tornado
 * chart per claim ({@code tornado-<claim>.png}: per parameter a bar from the smallest to the largest claim value
 * over its range, largest swing on top, with the base value and the paper's figure as vertical lines).
 */
public final class SensitivityOutputs {

    public static final String JSON_FILE = "sensitivity.json";
    public static final String MARKDOWN_FILE = "sensitivity.md";
    public static final String NONE = "no value in the range does";

    private SensitivityOutputs() {
    }

    public static List<Path> write(SensitivityRunner.Result r, Path dir, ChartSize size) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(json(r, dir.resolve(JSON_FILE)));
        Path md = dir.resolve(MARKDOWN_FILE);
        Files.writeString(md, markdown(r), StandardCharsets.UTF_8);
        out.add(md);
        for (Claim c : Claim.values()) {
            if (r.base().claims().containsKey(c)) {
                out.add(tornado(r, c, dir.resolve("tornado-" + c.key() + ".png"), size));
            }
        }
        return List.copyOf(out);
    }

    /** The values of {@code parameter} at which {@code claim} reaches the paper's figure (point value <= figure). */
    static List<Double> reaching(SensitivityRunner.Result r, String parameter, Claim claim) {
        List<Double> out = new ArrayList<>();
        r.curve(parameter).forEach((v, l) -> {
            Estimate e = l.claims().get(claim);
            if (e != null && e.value() <= claim.figure()) {
                out.add(v);
            }
        });
        return out;
    }

    static Path json(SensitivityRunner.Result r, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("plan", r.plan().name());
        root.put("experiment", r.experiment().source());
        root.put("candidate", r.plan().candidate());
        root.put("baseline", r.experiment().baseline());
        root.put("size", r.experiment().size());
        ArrayNode seeds = root.putArray("seeds");
        r.experiment().seeds().forEach(seeds::add);
        root.put("wall_ms", r.wallMillis());
        root.put("levels_run", 1 + r.byParameter().values().stream().mapToLong(ls -> ls.stream()
                .filter(l -> l.wallMillis() > 0).count()).sum() + r.interaction().size());
        root.put("reaches_rule", "a claim reaches the paper's figure at a level when its point value (candidate over "
                + "baseline) is at or below the figure written as a ratio");
        ObjectNode claims = root.putObject("claims");
        for (Claim c : Claim.values()) {
            ObjectNode n = claims.putObject(c.key());
            n.put("label", c.label());
            n.put("paper_ratio", c.figure());
        }
        root.set("base", claimsNode(mapper, r.base().claims()));
        ArrayNode params = root.putArray("parameters");
        for (Parameter p : r.plan().parameters()) {
            ObjectNode n = params.addObject();
            n.put("name", p.name());
            n.put("kind", p.kind().label());
            ArrayNode targets = n.putArray("targets");
            p.targets().forEach(targets::add);
            n.put("field", p.field());
            n.put("range", p.range());
            double b = r.baseValues().get(p.name());
            if (Double.isNaN(b)) {
                n.putNull("base_value");
            } else {
                n.put("base_value", b);
            }
            n.put("counts_unchanged", r.countsUnchanged(p.name()));
            n.put("influence", SensitivityRunner.influence(r, p.name()));
            ArrayNode levels = n.putArray("levels");
            r.curve(p.name()).forEach((v, l) -> {
                ObjectNode x = levels.addObject();
                x.put("value", v);
                x.set("claims", claimsNode(mapper, l.claims()));
                x.put("wall_ms", l.wallMillis());
                ArrayNode changed = x.putArray("counts_changed");
                changedCounts(r.base(), l).forEach(changed::add);
            });
            ObjectNode frontier = n.putObject("reaches_paper_figure_at");
            for (Claim c : Claim.values()) {
                ArrayNode a = frontier.putArray(c.key());
                reaching(r, p.name(), c).forEach(a::add);
            }
        }
        ObjectNode inter = root.putObject("interaction");
        ArrayNode pair = inter.putArray("parameters");
        r.interactionPair().forEach(pair::add);
        ArrayNode il = inter.putArray("levels");
        for (Level l : r.interaction()) {
            ObjectNode x = il.addObject();
            ObjectNode a = x.putObject("assignment");
            l.assignment().forEach(a::put);
            x.set("claims", claimsNode(mapper, l.claims()));
            x.put("wall_ms", l.wallMillis());
        }
        mapper.writeValue(file.toFile(), root);
        return file;
    }

    /** The counts of {@code level} that differ from the base level's, as "key base->level". */
    static List<String> changedCounts(Level base, Level level) {
        List<String> out = new ArrayList<>();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(base.counts().keySet());
        keys.addAll(level.counts().keySet());
        for (String k : keys) {
            double a = base.counts().getOrDefault(k, 0.0);
            double b = level.counts().getOrDefault(k, 0.0);
            if (a != b) {
                out.add(k + " " + SensitivityRunner.fmt(a) + "->" + SensitivityRunner.fmt(b));
            }
        }
        return out;
    }

    private static ObjectNode claimsNode(ObjectMapper mapper, Map<Claim, Estimate> claims) {
        ObjectNode n = mapper.createObjectNode();
        claims.forEach((c, e) -> {
            ObjectNode x = n.putObject(c.key());
            x.put("value", e.value());
            x.put("low", e.low());
            x.put("high", e.high());
        });
        return n;
    }

    static String markdown(SensitivityRunner.Result r) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Sensitivity: %s vs %s (%s sessions, seeds %s)%n%n", r.plan().candidate(),
                r.experiment().baseline(), r.experiment().size(), r.experiment().seeds()));
        md.append(String.format(Locale.ROOT, "Wall time %.1f s. Each level is a full rerun of the paired comparison.%n%n",
                r.wallMillis() / 1000.0));
        for (Claim c : Claim.values()) {
            if (!r.base().claims().containsKey(c)) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "## %s (paper: ratio %.3f; base: %.3f)%n%n", c.label(), c.figure(),
                    r.base().claims().get(c).value()));
            md.append("| parameter | kind | base | claim ratio at each value | reaches the paper's figure at |\n")
                    .append("|---|---|---|---|---|\n");
            for (Parameter p : r.plan().parameters()) {
                List<String> cells = new ArrayList<>();
                r.curve(p.name()).forEach((v, l) -> {
                    Estimate e = l.claims().get(c);
                    cells.add(SensitivityRunner.fmt(v) + ": " + (e == null ? "-" : String.format(Locale.ROOT, "%.3f",
                            e.value())));
                });
                List<Double> reach = reaching(r, p.name(), c);
                double b = r.baseValues().get(p.name());
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", p.name(), p.kind().label(),
                        Double.isNaN(b) ? "-" : SensitivityRunner.fmt(b), String.join("; ", cells),
                        reach.isEmpty() ? NONE : String.join(", ", reach.stream().map(SensitivityRunner::fmt).toList())));
            }
            md.append('\n');
        }
        return md.toString();
    }

    static Path tornado(SensitivityRunner.Result r, Claim c, Path file, ChartSize size) throws IOException {
        List<String> params = new ArrayList<>(r.byParameter().keySet());
        params.sort(Comparator.comparingDouble((String p) -> r.swing(p, c)));
        XYChart chart = new XYChartBuilder().width(size.widthPx()).height(Math.max(size.heightPx(), 80 + 40 * params.size()))
                .title("Sensitivity of " + c.label() + " (" + r.plan().candidate() + " / " + r.experiment().baseline() + ")")
                .xAxisTitle("claim ratio, candidate over baseline (lower is better)")
                .yAxisTitle("parameter (see legend; largest swing on top)").build();
        org.knowm.xchart.style.XYStyler styler = chart.getStyler();
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
        styler.setYAxisTicksVisible(false);
        double base = r.base().claims().get(c).value();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Level l : r.curve(p).values()) {
                Estimate e = l.claims().get(c);
                if (e != null) {
                    min = Math.min(min, e.value());
                    max = Math.max(max, e.value());
                }
            }
            if (min > max) {
                continue;
            }
            if (min == max) {
                max = min + 1e-9;
            }
            XYSeries s = chart.addSeries(i + ": " + p, new double[] {min, max}, new double[] {i, i});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(14f);
        }
        double top = params.size() - 0.5;
        XYSeries b = chart.addSeries("base " + String.format(Locale.ROOT, "%.3f", base), new double[] {base, base},
                new double[] {-0.5, top});
        b.setMarker(SeriesMarkers.NONE);
        b.setLineColor(Color.BLACK);
        XYSeries f = chart.addSeries("paper " + String.format(Locale.ROOT, "%.3f", c.figure()),
                new double[] {c.figure(), c.figure()}, new double[] {-0.5, top});
        f.setMarker(SeriesMarkers.NONE);
        f.setLineColor(Color.RED);
        f.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }
}
