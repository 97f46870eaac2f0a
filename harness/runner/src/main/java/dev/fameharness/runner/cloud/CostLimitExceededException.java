package dev.fameharness.runner.cloud;

import dev.fameharness.api.error.ConfigException;

/**
 * An estimate above {@code --max-usd}: nothing was started. A {@link ConfigException}, so the CLI exits with
 * code 2 (bad input: the limit or the plan must change), and never retriable.
 */
public final class CostLimitExceededException extends ConfigException {

    private final double estimatedUsd;
    private final double maxUsd;

    public CostLimitExceededException(String what, double estimatedUsd, double maxUsd) {
        super(String.format(java.util.Locale.ROOT, "%s: estimated %.6f USD is above --max-usd %.6f USD; nothing was "
                + "started. Raise --max-usd (e.g. --max-usd %s) if that spend is intended, or make the plan smaller",
                what, estimatedUsd, maxUsd, suggested(estimatedUsd)));
        this.estimatedUsd = estimatedUsd;
        this.maxUsd = maxUsd;
    }

    private static String suggested(double usd) {
        return new java.math.BigDecimal(usd).setScale(2, java.math.RoundingMode.UP).stripTrailingZeros().toPlainString();
    }

    public double estimatedUsd() {
        return estimatedUsd;
    }

    public double maxUsd() {
        return maxUsd;
    }
}
