package dev.fameharness.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankTestsTest {

    // Hollander, M. and Wolfe, D. A. (1973), Nonparametric Statistical Methods, p. 29f: Hamilton depression
    // scale factor IV of 9 patients at the first (x) and second (y) visit after a tranquilizer. This is the
    // paired example of R's ?wilcox.test; wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.03906.
    private static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    private static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    @Test
    void should_match_the_textbook_exact_p_value_when_n_is_small() {
        // Differences x - y ranked by size: two negatives with ranks 2 and 3, so W- = 5 and W+ = 40.
        // Exact: 10 of the 2^9 = 512 sign assignments give W- <= 5, two-sided p = 2 x 10 / 512 = 0.0390625.
        RankTest t = RankTests.wilcoxonSignedRank(X, Y);

        assertThat(t.test()).isEqualTo(RankTests.WILCOXON);
        assertThat(t.statistic()).isEqualTo(40.0);
        assertThat(t.pValue()).isCloseTo(0.0390625, within(1e-12));
        assertThat(t.n()).isEqualTo(9);
        assertThat(t.method()).isEqualTo(RankTests.EXACT);
        assertThat(t.significantAt(0.05)).isTrue();
    }

    @Test
    void should_drop_zero_differences_when_pairs_are_equal() {
        double[] x = java.util.Arrays.copyOf(X, 10);
        double[] y = java.util.Arrays.copyOf(Y, 10);
        x[9] = 2.0;
        y[9] = 2.0;

        RankTest t = RankTests.wilcoxonSignedRank(x, y);

        assertThat(t.n()).isEqualTo(9);
        assertThat(t.pValue()).isCloseTo(0.0390625, within(1e-12));
    }

    @Test
    void should_use_the_normal_approximation_when_n_is_large() {
        // 25 differences of sizes 1..25, the five smallest negative: W- = 15, W+ = 310.
        // E = 25 x 26 / 4 = 162.5, Var = 162.5 x 51 / 6 = 1381.25,
        // z = (15 - 162.5 - 0.5) / sqrt(1381.25) = -3.98222, p = 2 Phi(z) = 6.8274e-5
        double[] a = new double[25];
        double[] b = new double[25];
        for (int i = 0; i < 25; i++) {
            b[i] = 100;
            a[i] = 100 + (i < 5 ? -(i + 1) : i + 1);
        }

        RankTest t = RankTests.wilcoxonSignedRank(a, b);

        assertThat(t.method()).isEqualTo(RankTests.NORMAL);
        assertThat(t.statistic()).isEqualTo(310.0);
        assertThat(t.pValue()).isCloseTo(6.8274e-5, within(1e-8));
    }

    @Test
    void should_report_p_one_when_all_differences_are_zero() {
        RankTest t = RankTests.wilcoxonSignedRank(new double[] {1, 2, 3}, new double[] {1, 2, 3});

        assertThat(t.pValue()).isEqualTo(1.0);
        assertThat(t.method()).isEqualTo(RankTests.NO_DIFFERENCE);
    }

    @Test
    void should_match_the_hand_computed_p_value_when_samples_do_not_overlap() {
        // U = 25 (max of U1, U2) and 0; z = (0 - 12.5) / sqrt(5 x 5 x 11 / 12) = -2.61116, p = 0.0090234
        RankTest t = RankTests.mannWhitneyU(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});

        assertThat(t.test()).isEqualTo(RankTests.MANN_WHITNEY);
        assertThat(t.statistic()).isEqualTo(25.0);
        assertThat(t.pValue()).isCloseTo(0.0090234, within(1e-6));
        assertThat(t.n()).isEqualTo(10);
    }
}
