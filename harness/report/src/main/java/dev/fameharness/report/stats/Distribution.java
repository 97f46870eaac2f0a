package dev.fameharness.report.stats;

import java.util.Arrays;

/**
 * Summary of one sample in one unit (the caller's: the field names of the record holding it say which):
 * count, mean, min, p50, p95, p99, max, percentiles as in {@link Percentiles}. An empty sample has n = 0 and
 * every figure 0 (so that results never hold NaN).
 */
public record Distribution(int n, double mean, double min, double p50, double p95, double p99, double max) {

    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0);

    /** The distribution of {@code values}. */
    public static Distribution of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new Distribution(s.length, Percentiles.mean(s), s[0], Percentiles.ofSorted(s, 50),
                Percentiles.ofSorted(s, 95), Percentiles.ofSorted(s, 99), s[s.length - 1]);
    }
}
