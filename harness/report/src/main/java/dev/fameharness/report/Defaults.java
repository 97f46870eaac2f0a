package dev.fameharness.report;

/**
 * Every default of the report module in one place: bootstrap settings, chart sizes and the price file. Change
 * them here, not at call sites.
 */
public final class Defaults {

    /** Bootstrap resamples (percentile bootstrap). 2,000 keeps the 2.5% / 97.5% quantiles stable to ~1%. */
    public static final int BOOTSTRAP_RESAMPLES = 2_000;

    /** Two-sided confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;

    /** Seed of the bootstrap's random number generator when the run does not give one. */
    public static final long BOOTSTRAP_SEED = 20260122L;

    /** Class-path location of the default price file. */
    public static final String PRICE_FILE = "prices/aws-us-east-1.yaml";

    /** Chart size in pixels. */
    public static final int CHART_WIDTH = 900;
    public static final int CHART_HEIGHT = 560;

    private Defaults() {
    }
}
