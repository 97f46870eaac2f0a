package dev.fameharness.report.stats;

/**
 * A point estimate with its two-sided percentile-bootstrap confidence interval [low, high] at level
 * {@code confidence}, from {@code resamples} resamples drawn with {@code seed}. Rerunning with the same data,
 * resamples and seed gives the same interval.
 */
public record Estimate(double value, double low, double high, double confidence, int resamples, long seed) {

    public Estimate {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0");
        }
    }

    /** True when the interval lies entirely above 1 or entirely below 1 (a ratio that differs from 1). */
    public boolean excludesOne() {
        return low > 1 || high < 1;
    }

    /** True when {@code x} lies in [low, high]. */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }
}
