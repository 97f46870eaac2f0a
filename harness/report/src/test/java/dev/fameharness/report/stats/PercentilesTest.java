package dev.fameharness.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void should_interpolate_linearly_when_rank_falls_between_values() {
        double[] x = {35, 15, 50, 20, 40}; // sorted: 15 20 35 40 50
        // p40: h = 4 x 0.40 = 1.6 -> 20 + 0.6 x (35 - 20) = 29 (numpy.percentile gives 29.0)
        assertThat(Percentiles.percentile(x, 40)).isCloseTo(29.0, within(1e-12));
        // p95: h = 3.8 -> 40 + 0.8 x 10 = 48
        assertThat(Percentiles.percentile(x, 95)).isCloseTo(48.0, within(1e-12));
        assertThat(Percentiles.percentile(x, 50)).isEqualTo(35.0);
        assertThat(Percentiles.percentile(x, 0)).isEqualTo(15.0);
        assertThat(Percentiles.percentile(x, 100)).isEqualTo(50.0);
    }

    @Test
    void should_average_the_middle_values_when_n_is_even() {
        double[] x = {4, 1, 3, 2};
        assertThat(Percentiles.median(x)).isEqualTo(2.5);
        // p25: h = 3 x 0.25 = 0.75 -> 1 + 0.75 x 1 = 1.75 (numpy: 1.75)
        assertThat(Percentiles.percentile(x, 25)).isCloseTo(1.75, within(1e-12));
        assertThat(x).containsExactly(4, 1, 3, 2); // input not modified
    }

    @Test
    void should_give_p50_p95_p99_and_mean_when_summarising_one_to_ten() {
        Distribution d = Distribution.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        // p50: h = 4.5 -> 5.5; p95: h = 8.55 -> 9.55; p99: h = 8.91 -> 9.91
        assertThat(d.n()).isEqualTo(10);
        assertThat(d.mean()).isEqualTo(5.5);
        assertThat(d.p50()).isCloseTo(5.5, within(1e-12));
        assertThat(d.p95()).isCloseTo(9.55, within(1e-12));
        assertThat(d.p99()).isCloseTo(9.91, within(1e-12));
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.max()).isEqualTo(10);
    }

    @Test
    void should_return_zeros_when_the_sample_is_empty() {
        assertThat(Distribution.of(new double[0])).isEqualTo(Distribution.EMPTY);
        assertThatThrownBy(() -> Percentiles.percentile(new double[0], 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.percentile(new double[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
