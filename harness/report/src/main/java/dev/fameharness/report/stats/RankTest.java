package dev.fameharness.report.stats;

import java.util.Objects;

/**
 * The outcome of a two-sided rank test.
 *
 * @param test      {@value RankTests#WILCOXON} or {@value RankTests#MANN_WHITNEY}
 * @param statistic Wilcoxon: the larger of W+ and W- (rank sums of positive and negative differences);
 *                  Mann-Whitney: the larger of U1 and U2
 * @param pValue    two-sided p-value
 * @param n         Wilcoxon: pairs with a non-zero difference; Mann-Whitney: n1 + n2
 * @param method    {@value RankTests#EXACT}, {@value RankTests#NORMAL} or {@value RankTests#NO_DIFFERENCE}
 */
public record RankTest(String test, double statistic, double pValue, int n, String method) {

    public RankTest {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(method, "method");
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
        }
    }

    /** True when p < alpha. */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }
}
