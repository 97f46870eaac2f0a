package dev.fameharness.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterBootstrapTest {

    /**
     * k sessions of m turns; the candidate/baseline log-ratio of every turn of session c is
     * log(1.5) + u_c + small noise, u_c ~ N(0, 0.4): turns of a session share their session's effect.
     */
    private static ClusterBootstrap.Sample sessions(long seed, int k, int m) {
        Random r = new Random(seed);
        double[] a = new double[k * m];
        double[] b = new double[k * m];
        int[] c = new int[k * m];
        for (int s = 0; s < k; s++) {
            double u = 0.4 * r.nextGaussian();
            for (int t = 0; t < m; t++) {
                int i = s * m + t;
                b[i] = Math.exp(6 + 0.2 * r.nextGaussian());
                a[i] = b[i] * 1.5 * Math.exp(u + 0.05 * r.nextGaussian());
                c[i] = s;
            }
        }
        return new ClusterBootstrap.Sample(a, b, c);
    }

    @Test
    void should_be_wider_than_the_turn_level_interval_when_turns_of_a_session_are_correlated() {
        ClusterBootstrap.Sample s = sessions(3, 30, 10);
        ClusterBootstrap boot = new ClusterBootstrap(1000, 0.95, 11);

        Estimate session = boot.estimate(s, ClusterBootstrap.RATIO_OF_SUMS).orElseThrow();
        Estimate turn = boot.estimate(ClusterBootstrap.Sample.unclustered(s.a(), s.b()),
                ClusterBootstrap.RATIO_OF_SUMS).orElseThrow();

        assertThat(session.value()).isEqualTo(turn.value());
        // 30 independent session effects, not 300 independent turns: the honest interval is ~3x wider
        assertThat(session.high() - session.low()).isGreaterThan(2 * (turn.high() - turn.low()));
    }

    @Test
    void should_cover_the_true_ratio_at_about_the_nominal_rate_when_sessions_are_resampled() {
        int covered = 0;
        int coveredTurnLevel = 0;
        for (int k = 0; k < 40; k++) {
            ClusterBootstrap.Sample s = sessions(200 + k, 25, 8);
            ClusterBootstrap boot = new ClusterBootstrap(600, 0.95, k);
            // the population ratio of medians is 1.5 (u and the noise have median 0 and are symmetric)
            if (boot.estimate(s, ClusterBootstrap.RATIO_OF_MEDIANS).orElseThrow().contains(1.5)) {
                covered++;
            }
            if (boot.estimate(ClusterBootstrap.Sample.unclustered(s.a(), s.b()), ClusterBootstrap.RATIO_OF_MEDIANS)
                    .orElseThrow().contains(1.5)) {
                coveredTurnLevel++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo(33);
        // resampling turns ignores the session effect and covers far less often
        assertThat(coveredTurnLevel).isLessThan(covered);
    }

    @Test
    void should_equal_the_paired_turn_bootstrap_when_every_pair_is_its_own_cluster() {
        ClusterBootstrap.Sample s = sessions(5, 12, 4);

        Estimate cluster = new ClusterBootstrap(500, 0.9, 42L)
                .estimate(ClusterBootstrap.Sample.unclustered(s.a(), s.b()), ClusterBootstrap.RATIO_OF_MEDIANS)
                .orElseThrow();
        Estimate paired = new Bootstrap(500, 0.9, 42L).ratioOfMedians(s.a(), s.b());

        assertThat(cluster).isEqualTo(paired);
    }

    @Test
    void should_not_depend_on_the_order_of_pairs_when_clusters_are_the_same() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {2, 2, 2, 5, 5, 9};
        int[] c = {0, 0, 1, 1, 2, 2};
        double[] a2 = {2, 1, 4, 3, 6, 5};
        double[] b2 = {2, 2, 5, 2, 9, 5};
        int[] c2 = {0, 0, 1, 1, 2, 2};
        ClusterBootstrap boot = ClusterBootstrap.withSeed(9);

        Optional<Estimate> x = boot.estimate(new ClusterBootstrap.Sample(a, b, c), ClusterBootstrap.RATIO_OF_SUMS);
        Optional<Estimate> y = boot.estimate(new ClusterBootstrap.Sample(a2, b2, c2), ClusterBootstrap.RATIO_OF_SUMS);

        assertThat(x).isEqualTo(y);
        assertThat(x.orElseThrow().value()).isCloseTo(21.0 / 25.0, within(1e-12));
    }

    @Test
    void should_find_the_same_median_as_percentiles_when_selecting_in_place() {
        Random r = new Random(17);
        for (int n = 1; n <= 40; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(7) == 0 ? 3.0 : r.nextGaussian() * 100;
            }
            double expected = Percentiles.median(x);

            assertThat(ClusterBootstrap.medianInPlace(x.clone())).isEqualTo(expected);
        }
        assertThat(ClusterBootstrap.medianInPlace(new double[0])).isNaN();
    }

    @Test
    void should_give_a_mean_difference_and_nothing_when_the_statistic_is_undefined() {
        double[] a = {1, 1, 0, 1};
        double[] b = {1, 0, 0, 0};
        ClusterBootstrap boot = ClusterBootstrap.withSeed(1);

        Estimate d = boot.estimate(ClusterBootstrap.Sample.unclustered(a, b), ClusterBootstrap.MEAN_DIFFERENCE)
                .orElseThrow();

        assertThat(d.value()).isEqualTo(0.5);
        assertThat(d.low()).isGreaterThanOrEqualTo(0.0);
        assertThat(boot.estimate(ClusterBootstrap.Sample.unclustered(a, new double[4]),
                ClusterBootstrap.RATIO_OF_SUMS)).isEmpty();
        assertThat(boot.estimate(ClusterBootstrap.Sample.unclustered(new double[0], new double[0]),
                ClusterBootstrap.RATIO_OF_SUMS)).isEmpty();
    }
}
