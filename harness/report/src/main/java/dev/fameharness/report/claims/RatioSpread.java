package dev.fameharness.report.claims;

import dev.fameharness.report.stats.Percentiles;
import java.util.Arrays;
import java.util.Optional;

/**
 * The distribution of per-turn paired ratios (candidate over baseline, one per turn whose baseline value is not
 * 0): p10, p50, p90, min and max ({@link Percentiles}). Claims framed as "x times lower" read the spread as
 * speed-ups (baseline over candidate = 1 / ratio): the best turn is {@code 1 / min}.
 */
public record RatioSpread(int n, double p10, double p50, double p90, double min, double max) {

    /** The spread of {@code a[i] / b[i]} over the pairs with {@code b[i] != 0}; empty when there are none. */
    public static Optional<RatioSpread> of(double[] a, double[] b) {
        double[] r = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (b[i] != 0) {
                r[n++] = a[i] / b[i];
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double[] s = Arrays.copyOf(r, n);
        Arrays.sort(s);
        return Optional.of(new RatioSpread(n, Percentiles.ofSorted(s, 10), Percentiles.ofSorted(s, 50),
                Percentiles.ofSorted(s, 90), s[0], s[n - 1]));
    }
}
