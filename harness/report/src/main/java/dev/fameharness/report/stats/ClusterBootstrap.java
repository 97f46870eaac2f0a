package dev.fameharness.report.stats;

import dev.fameharness.report.Defaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded percentile bootstrap over <b>clusters</b> of paired values. Pair i is a[i] (candidate) and b[i]
 * (baseline), measured on the same unit under two presets, and belongs to cluster {@code cluster[i]} (a session
 * of one seed: its turns are correlated through memory, the cache and queueing, so they are resampled together).
 * Each resample draws as many clusters as there are, with replacement, keeps every pair of a drawn cluster (so
 * the pairing across presets is kept), and recomputes the statistic on the pooled pairs; the interval is the
 * (1 - confidence)/2 and (1 + confidence)/2 percentiles ({@link Percentiles}) of the resampled statistics.
 * Resamples where the statistic is undefined (NaN: a zero denominator) are dropped and not counted in
 * {@link Estimate#resamples()}. With one pair per cluster it is the ordinary paired (turn-level) bootstrap.
 * The generator is {@link java.util.Random} (its algorithm is specified, so a seed gives the same interval on
 * every JVM); clusters are numbered by the caller, so their order is the caller's.
 */
public final class ClusterBootstrap {

    /**
     * A statistic of paired values: candidate {@code a}, baseline {@code b}; NaN when undefined. The arrays are
     * the statistic's own copies: it may reorder them.
     */
    @FunctionalInterface
    public interface PairStatistic {
        double of(double[] a, double[] b);
    }

    /**
     * median(a) / median(b): latency, candidate over baseline. The medians are those of {@link Percentiles} (same
     * formula, same bits), found by selection instead of a full sort (the bootstrap computes thousands of them).
     */
    public static final PairStatistic RATIO_OF_MEDIANS = (a, b) -> ratio(medianInPlace(a), medianInPlace(b));

    /** sum(a) / sum(b): tokens and cost, candidate over baseline. */
    public static final PairStatistic RATIO_OF_SUMS = (a, b) -> ratio(Percentiles.sum(a), Percentiles.sum(b));

    /** mean(a - b): completion, quality and correctness differences. */
    public static final PairStatistic MEAN_DIFFERENCE = (a, b) -> (Percentiles.sum(a) - Percentiles.sum(b)) / a.length;

    /** Paired values with the cluster of each pair (clusters numbered 0..k-1 by the caller). */
    public record Sample(double[] a, double[] b, int[] cluster) {
        public Sample {
            if (a.length != b.length || a.length != cluster.length) {
                throw new IllegalArgumentException("paired samples and clusters differ in length: " + a.length + ", "
                        + b.length + ", " + cluster.length);
            }
            a = a.clone();
            b = b.clone();
            cluster = cluster.clone();
            for (int c : cluster) {
                if (c < 0) {
                    throw new IllegalArgumentException("cluster numbers must be >= 0, found " + c);
                }
            }
        }

        /** Every pair its own cluster: the turn-level bootstrap. */
        public static Sample unclustered(double[] a, double[] b) {
            int[] c = new int[a.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = i;
            }
            return new Sample(a, b, c);
        }

        public int size() {
            return a.length;
        }

        /** The number of distinct clusters. */
        public int clusters() {
            return (int) Arrays.stream(cluster).distinct().count();
        }
    }

    private final int resamples;
    private final double confidence;
    private final long seed;

    public ClusterBootstrap(int resamples, double confidence, long seed) {
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
    public static ClusterBootstrap withSeed(long seed) {
        return new ClusterBootstrap(Defaults.BOOTSTRAP_RESAMPLES, Defaults.CONFIDENCE, seed);
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

    /**
     * The statistic on the whole sample with its interval; empty when the sample is empty or the statistic is
     * undefined on it.
     */
    public Optional<Estimate> estimate(Sample sample, PairStatistic stat) {
        if (sample.size() == 0) {
            return Optional.empty();
        }
        double value = stat.of(sample.a().clone(), sample.b().clone());
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        List<int[]> members = members(sample.cluster());
        int k = members.size();
        Random random = new Random(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        double[] ra = new double[sample.size() * 2];
        double[] rb = new double[ra.length];
        for (int r = 0; r < resamples; r++) {
            int n = 0;
            for (int j = 0; j < k; j++) {
                int[] idx = members.get(random.nextInt(k));
                if (n + idx.length > ra.length) {
                    ra = Arrays.copyOf(ra, Math.max(ra.length * 2, n + idx.length));
                    rb = Arrays.copyOf(rb, ra.length);
                }
                for (int i : idx) {
                    ra[n] = sample.a()[i];
                    rb[n] = sample.b()[i];
                    n++;
                }
            }
            double s = stat.of(Arrays.copyOf(ra, n), Arrays.copyOf(rb, n));
            if (Double.isFinite(s)) {
                stats[kept++] = s;
            }
        }
        if (kept == 0) {
            return Optional.of(new Estimate(value, value, value, confidence, 0, seed));
        }
        double[] sorted = Arrays.copyOf(stats, kept);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2 * 100;
        return Optional.of(new Estimate(value, Percentiles.ofSorted(sorted, tail),
                Percentiles.ofSorted(sorted, 100 - tail), confidence, kept, seed));
    }

    /** Pair indices by cluster, clusters in increasing number (so resampling does not depend on pair order). */
    private static List<int[]> members(int[] cluster) {
        int max = Arrays.stream(cluster).max().orElse(-1);
        int[] count = new int[max + 1];
        for (int c : cluster) {
            count[c]++;
        }
        int[][] byCluster = new int[max + 1][];
        for (int c = 0; c <= max; c++) {
            byCluster[c] = new int[count[c]];
        }
        int[] fill = new int[max + 1];
        for (int i = 0; i < cluster.length; i++) {
            byCluster[cluster[i]][fill[cluster[i]]++] = i;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : byCluster) {
            if (m.length > 0) {
                out.add(m);
            }
        }
        return out;
    }

    /** The median as {@link Percentiles#median} computes it, reordering {@code x}; NaN when empty. */
    static double medianInPlace(double[] x) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        int k = (n - 1) / 2;
        double lo = select(x, k);
        if (n % 2 == 1) {
            return lo;
        }
        double hi = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < n; i++) {
            hi = Math.min(hi, x[i]);
        }
        return lo + 0.5 * (hi - lo);
    }

    /** The k-th smallest (0-based) of {@code x}; afterwards x[0..k-1] <= x[k] <= x[k+1..] (Hoare selection). */
    private static double select(double[] x, int k) {
        int left = 0;
        int right = x.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            double pivot = medianOf3(x[left], x[mid], x[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (x[i] < pivot) {
                    i++;
                }
                while (x[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = x[i];
                    x[i] = x[j];
                    x[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return x[k];
            }
        }
        return x[k];
    }

    private static double medianOf3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}
