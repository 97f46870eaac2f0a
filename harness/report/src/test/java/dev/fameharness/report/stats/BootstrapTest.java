package dev.fameharness.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Baseline b lognormal; candidate a = b x 1.5 x noise with median(noise) = 1 and mean(noise) = 1. */
    private static double[][] pairs(long seed, int n) {
        Random r = new Random(seed);
        double s = 0.3;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.exp(6 + r.nextGaussian());
            a[i] = b[i] * 1.5 * Math.exp(s * r.nextGaussian());
        }
        return new double[][] {a, b};
    }

    @Test
    void should_contain_the_true_ratio_of_medians_when_data_come_from_a_known_model() {
        // log a = log b + log 1.5 + e with median(e) = 0, so median(a) / median(b) = 1.5 in the population.
        int covered = 0;
        for (int k = 0; k < 40; k++) {
            double[][] p = pairs(100 + k, 120);
            Estimate e = new Bootstrap(1000, 0.95, 7 + k).ratioOfMedians(p[0], p[1]);
            if (e.contains(1.5)) {
                covered++;
            }
            assertThat(e.low()).isLessThanOrEqualTo(e.value());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.value());
        }
        // nominal 95%: 38 of 40 expected; 33 or fewer would mean the interval is far too narrow
        assertThat(covered).isGreaterThanOrEqualTo(34);
    }

    @Test
    void should_contain_the_true_ratio_of_sums_when_ratio_is_constant_per_pair() {
        double[] b = {10, 20, 30, 40, 50, 60, 70, 80};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = 0.5 * b[i];
        }

        Estimate e = Bootstrap.withSeed(1).ratioOfSums(a, b);

        // every resample has ratio 0.5 exactly (up to rounding): a degenerate interval at the true value
        assertThat(e.value()).isEqualTo(0.5);
        assertThat(e.low()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(e.high()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(e.resamples()).isEqualTo(2000);
        assertThat(e.confidence()).isEqualTo(0.95);
    }

    @Test
    void should_give_the_same_interval_when_the_seed_is_the_same() {
        double[][] p = pairs(5, 60);

        Estimate first = Bootstrap.withSeed(42).ratioOfSums(p[0], p[1]);
        Estimate again = Bootstrap.withSeed(42).ratioOfSums(p[0], p[1]);
        Estimate other = Bootstrap.withSeed(43).ratioOfSums(p[0], p[1]);

        assertThat(again).isEqualTo(first);
        assertThat(other.value()).isEqualTo(first.value());
        assertThat(other.low()).isNotEqualTo(first.low());
        assertThat(first.seed()).isEqualTo(42);
    }

    @Test
    void should_keep_pairs_together_when_resampling() {
        // a[i] = b[i] + 1 for strongly varying b: paired resampling keeps sum(a) - sum(b) = n,
        // so every resampled ratio is > 1; unpaired resampling would often go below 1.
        double[] b = {1, 1000, 3, 2000, 5, 3000, 7, 4000};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] + 1;
        }

        Estimate e = Bootstrap.withSeed(3).ratioOfSums(a, b);

        assertThat(e.low()).isGreaterThan(1.0);
        assertThat(e.excludesOne()).isTrue();
    }

    @Test
    void should_reject_samples_when_lengths_differ_or_baseline_is_zero() {
        Bootstrap b = Bootstrap.withSeed(1);
        assertThatThrownBy(() -> b.ratioOfSums(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.ratioOfMedians(new double[] {1, 2}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
    }
}
