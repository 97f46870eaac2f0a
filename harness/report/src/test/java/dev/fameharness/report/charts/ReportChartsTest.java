package dev.fameharness.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.report.SampleTurns;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.results.RunExtras;
import dev.fameharness.report.results.RunResults;
import dev.fameharness.report.stats.Bootstrap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportChartsTest {

    private static final ChartSize SIZE = new ChartSize(640, 400);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static RunResults results() {
        List<TurnRecord> turns = SampleTurns.random(77L, 15);
        return RunResults.compute("charts", turns, CostModel.withDefaultPrices(), RunExtras.NONE,
                PresetPair.againstBaseline("monolithic", SampleTurns.PRESETS), new Bootstrap(200, 0.95, 1L));
    }

    private static void assertPng(Path file, ChartSize size) throws IOException {
        assertThat(file).exists();
        assertThat(Files.size(file)).isPositive();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("readable PNG %s", file).isNotNull();
        assertThat(image.getWidth()).isEqualTo(size.widthPx());
        assertThat(image.getHeight()).isEqualTo(size.heightPx());
    }

    @Test
    void should_write_four_pngs_of_the_configured_size_when_writing_all_run_charts(@TempDir Path dir)
            throws IOException {
        List<Path> files = ReportCharts.writeAll(results(), dir, SIZE);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(ReportCharts.LATENCY,
                ReportCharts.TOKENS, ReportCharts.COST, ReportCharts.COMPLETION);
        for (Path f : files) {
            assertPng(f, SIZE);
        }
    }

    @Test
    void should_write_a_line_per_preset_when_drawing_a_sweep(@TempDir Path dir) throws IOException {
        Map<String, java.util.SortedMap<Double, Double>> points = new LinkedHashMap<>();
        points.put("fame", new TreeMap<>(Map.of(1.0, 900.0, 10.0, 950.0, 100.0, 1100.0)));
        points.put("stateless-payload", new TreeMap<>(Map.of(1.0, 880.0, 10.0, 1200.0, 100.0, 2600.0)));
        Sweep sweep = new Sweep("p50 latency vs tool response size", "tool response size", "KB", "p50 latency", "ms",
                points);
        ChartSize size = new ChartSize(800, 500);

        Path f = ReportCharts.sweep(sweep, dir.resolve("sweep.png"), size);

        assertPng(f, size);
    }

    @Test
    void should_produce_identical_bytes_when_drawing_the_same_data_twice(@TempDir Path dir) throws IOException {
        RunResults r = results();

        Path a = ReportCharts.costByService(r.summary(), dir.resolve("a.png"), SIZE);
        Path b = ReportCharts.costByService(r.summary(), dir.resolve("b.png"), SIZE);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void should_reject_the_latency_chart_when_no_turn_completed(@TempDir Path dir) {
        TurnRecord failed = new TurnRecord("p", 1, "s", "t", "x", 0, 0, 5, "failed", "tool-error", "", 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new TreeMap<>());

        assertThatThrownBy(() -> ReportCharts.latency(List.of(failed), dir.resolve("l.png"), SIZE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_reject_sizes_when_too_small() {
        assertThatThrownBy(() -> new ChartSize(10, 400)).isInstanceOf(IllegalArgumentException.class);
    }
}
