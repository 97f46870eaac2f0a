package dev.fameharness.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Two-sided rank tests from commons-math3 3.6.1, with the conventions it leaves to the caller made explicit.
 *
 * <p><b>Wilcoxon signed-rank (paired).</b> Pairs with a zero difference are dropped first (Wilcoxon's
 * convention, as R's {@code wilcox.test}; commons-math would rank them as negative). Absolute differences are
 * ranked with ties averaged. The p-value is exact (enumeration of the 2^n sign assignments, commons-math's
 * {@code exactPValue = true}) when n &lt;= {@value #EXACT_MAX_N} and no absolute differences tie, else the
 * normal approximation with continuity correction and no tie correction of the variance:
 * z = (W- - n(n+1)/4 - 0.5) / sqrt(n(n+1)(2n+1)/24), p = 2 Phi(z). When every difference is 0, p = 1.
 *
 * <p><b>Mann-Whitney U (unpaired).</b> commons-math 3.6.1 always uses the normal approximation without
 * continuity or tie correction: z = (min(U1, U2) - n1 n2 / 2) / sqrt(n1 n2 (n1 + n2 + 1) / 12), p = 2 Phi(z).
 */
public final class RankTests {

    public static final String WILCOXON = "wilcoxon-signed-rank";
    public static final String MANN_WHITNEY = "mann-whitney-u";
    public static final String EXACT = "exact";
    public static final String NORMAL = "normal-approximation";
    public static final String NO_DIFFERENCE = "all-differences-zero";

    /** Largest n for the exact Wilcoxon p-value (the enumeration costs n 2^n steps). */
    public static final int EXACT_MAX_N = 20;

    private RankTests() {
    }

    /** Wilcoxon signed-rank test of paired samples {@code a[i]}, {@code b[i]}. */
    public static RankTest wilcoxonSignedRank(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int m = 0;
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                x[m] = a[i];
                y[m] = b[i];
                m++;
            }
        }
        if (m == 0) {
            return new RankTest(WILCOXON, 0, 1.0, 0, NO_DIFFERENCE);
        }
        x = Arrays.copyOf(x, m);
        y = Arrays.copyOf(y, m);
        boolean exact = m <= EXACT_MAX_N && !hasTiedAbsoluteDifferences(x, y);
        WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
        double w = test.wilcoxonSignedRank(x, y);
        double p = test.wilcoxonSignedRankTest(x, y, exact);
        return new RankTest(WILCOXON, w, Math.min(1.0, p), m, exact ? EXACT : NORMAL);
    }

    /** Mann-Whitney U test of two independent samples. */
    public static RankTest mannWhitneyU(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Mann-Whitney U needs two non-empty samples");
        }
        MannWhitneyUTest test = new MannWhitneyUTest();
        double u = test.mannWhitneyU(a, b);
        double p = test.mannWhitneyUTest(a, b);
        return new RankTest(MANN_WHITNEY, u, Math.min(1.0, p), a.length + b.length, NORMAL);
    }

    private static boolean hasTiedAbsoluteDifferences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = Math.abs(x[i] - y[i]);
        }
        Arrays.sort(d);
        for (int i = 1; i < d.length; i++) {
            if (d[i] == d[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
