package dev.fameharness.report.stats;

import dev.fameharness.report.Defaults;
import java.util.Arrays;
import java.util.Random;

/**
 * A seeded percentile bootstrap for ratios between two <b>paired</b> samples: a[i] and b[i] were measured on
 * the same unit i (the same turn under two presets). Each resample draws n unit indices with replacement and
 * keeps pairs together; the statistic is recomputed on the resampled pairs; the interval is the
 * (1 - confidence)/2 and (1 + confidence)/2 percentiles ({@link Percentiles}, linear interpolation) of the
 * resampled statistics. Resamples whose denominator is 0 are dropped; {@link Estimate#resamples()} counts the
 * ones kept. The generator is {@link java.util.Random} (its algorithm is specified, so a seed gives the same
 * interval on every JVM).
 */
public final class Bootstrap {

    /** A statistic of a paired sample: numerator and denominator of a ratio. */
    @FunctionalInterface
    interface PartStatistic {
        double of(double[] values);
    }

    private final int resamples;
    private final double confidence;
    private final long seed;

    public Bootstrap(int resamples, double confidence, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** {@value Defaults#BOOTSTRAP_RESAMPLES} resamples, 95% confidence, the given seed. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(Defaults.BOOTSTRAP_RESAMPLES, Defaults.CONFIDENCE, seed);
    }

    public int resamples() {
        return resamples;
    }

    public double confidence() {
        return confidence;
    }

    public long seed() {
        return seed;
    }

    /** median(a) / median(b) with its interval (latency: candidate over baseline). */
    public Estimate ratioOfMedians(double[] a, double[] b) {
        return ratio(a, b, Percentiles::median);
    }

    /** sum(a) / sum(b) with its interval (tokens, cost: candidate over baseline). */
    public Estimate ratioOfSums(double[] a, double[] b) {
        return ratio(a, b, Percentiles::sum);
    }

    private Estimate ratio(double[] a, double[] b, PartStatistic stat) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("bootstrap of an empty sample");
        }
        double den = stat.of(b);
        if (den == 0) {
            throw new IllegalArgumentException("ratio undefined: the baseline statistic is 0");
        }
        double value = stat.of(a) / den;
        int n = a.length;
        Random random = new Random(seed);
        double[] ra = new double[n];
        double[] rb = new double[n];
        double[] ratios = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                ra[i] = a[k];
                rb[i] = b[k];
            }
            double d = stat.of(rb);
            if (d != 0) {
                ratios[kept++] = stat.of(ra) / d;
            }
        }
        if (kept == 0) {
            return new Estimate(value, value, value, confidence, 0, seed);
        }
        double[] sorted = Arrays.copyOf(ratios, kept);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2 * 100;
        return new Estimate(value, Percentiles.ofSorted(sorted, tail), Percentiles.ofSorted(sorted, 100 - tail),
                confidence, kept, seed);
    }
}
