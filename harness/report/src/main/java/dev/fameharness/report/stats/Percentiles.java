package dev.fameharness.report.stats;

import java.util.Arrays;

/**
 * Percentiles by <b>linear interpolation between closest ranks</b>: Hyndman and Fan's definition 7, the default
 * of numpy ({@code numpy.percentile(..., method="linear")}), R ({@code quantile(type = 7)}) and Excel's
 * PERCENTILE.INC. For sorted values x[0..n-1] and p in [0, 100]: h = (n - 1) p / 100, and the percentile is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). So p = 0 is the minimum, p = 100 the maximum and
 * p = 50 the usual median (mean of the two middle values for even n).
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (p in [0, 100]) of {@code values} (not modified). */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** As {@link #percentile} for values already sorted ascending (no copy). */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of an empty sample");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        double h = (sorted.length - 1) * (p / 100.0);
        int lo = (int) Math.floor(h);
        double frac = h - lo;
        if (frac == 0 || lo + 1 >= sorted.length) {
            return sorted[lo];
        }
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /** The median (50th percentile). */
    public static double median(double[] values) {
        return percentile(values, 50);
    }

    /** The arithmetic mean. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean of an empty sample");
        }
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The sum. */
    public static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
