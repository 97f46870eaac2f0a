package dev.fameharness.report.stats;

import dev.fameharness.report.Defaults;

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

    /** The same resampling with every pair its own cluster: one draw per pair, the generator's draws unchanged. */
    private final ClusterBootstrap pairs;

    public Bootstrap(int resamples, double confidence, long seed) {
        this.pairs = new ClusterBootstrap(resamples, confidence, seed);
    }

    /** {@value Defaults#BOOTSTRAP_RESAMPLES} resamples, 95% confidence, the given seed. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(Defaults.BOOTSTRAP_RESAMPLES, Defaults.CONFIDENCE, seed);
    }

    public int resamples() {
        return pairs.resamples();
    }

    public double confidence() {
        return pairs.confidence();
    }

    public long seed() {
        return pairs.seed();
    }

    /** median(a) / median(b) with its interval (latency: candidate over baseline). */
    public Estimate ratioOfMedians(double[] a, double[] b) {
        return ratio(a, b, Percentiles.median(b), ClusterBootstrap.RATIO_OF_MEDIANS);
    }

    /** sum(a) / sum(b) with its interval (tokens, cost: candidate over baseline). */
    public Estimate ratioOfSums(double[] a, double[] b) {
        return ratio(a, b, Percentiles.sum(b), ClusterBootstrap.RATIO_OF_SUMS);
    }

    private Estimate ratio(double[] a, double[] b, double baseline, ClusterBootstrap.PairStatistic stat) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("bootstrap of an empty sample");
        }
        if (baseline == 0) {
            throw new IllegalArgumentException("ratio undefined: the baseline statistic is 0");
        }
        return pairs.estimate(ClusterBootstrap.Sample.unclustered(a, b), stat).orElseThrow(
                () -> new IllegalArgumentException("ratio undefined on the whole sample"));
    }
}
