package dev.fameharness.report.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void should_decide_ratio_claims_by_where_the_interval_lies() {
        double f = 1 / 13.0;
        assertThat(Verdict.ratio(0.05, 0.2, f)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdict.ratio(0.01, 0.05, f)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdict.ratio(0.5, 0.9, f)).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(Verdict.ratio(0.5, 1.0, f)).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(Verdict.ratio(0.05, 1.2, f)).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(Verdict.ratio(1.01, 1.2, f)).isEqualTo(Verdict.WORSE);
    }

    @Test
    void should_decide_higher_and_no_worse_claims_by_the_sign_of_the_interval() {
        assertThat(Verdict.higher(0.01, 0.1)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdict.higher(0, 0)).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(Verdict.higher(-0.1, -0.01)).isEqualTo(Verdict.WORSE);
        assertThat(Verdict.noWorse(-0.004, 0.01, 0.01)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdict.noWorse(-0.03, 0.01, 0.01)).isEqualTo(Verdict.DOES_NOT_HOLD);
        assertThat(Verdict.noWorse(-0.05, -0.02, 0.01)).isEqualTo(Verdict.WORSE);
    }

    @Test
    void should_reject_an_inverted_interval_or_a_figure_that_is_not_a_reduction() {
        assertThatThrownBy(() -> Verdict.ratio(0.9, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.ratio(0.1, 0.5, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
