package dev.fameharness.report.charts;

import dev.fameharness.report.Defaults;

/** A chart's size in pixels. */
public record ChartSize(int widthPx, int heightPx) {

    public static final ChartSize DEFAULT = new ChartSize(Defaults.CHART_WIDTH, Defaults.CHART_HEIGHT);

    public ChartSize {
        if (widthPx < 100 || heightPx < 100 || widthPx > 10_000 || heightPx > 10_000) {
            throw new IllegalArgumentException("chart size must be 100..10000 px, got " + widthPx + "x" + heightPx);
        }
    }
}
