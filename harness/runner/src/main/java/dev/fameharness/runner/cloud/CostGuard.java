package dev.fameharness.runner.cloud;

import dev.fameharness.api.error.ConfigException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses an action against AWS whose estimated cost is above a limit, before anything starts. {@code fame
 * deploy} calls it with the stack's standing cost ({@link CloudCostEstimator#deploy}); a cloud run calls it with
 * {@link CloudCostEstimator#run} (or, with an estimate of its own, {@link #check(String, double, double)}) before
 * the first request reaches AWS.
 *
 * <p>The default limit ({@value #DEFAULT_MAX_USD} USD) is deliberately small: a benchmark stack of the
 * pay-per-request presets costs cents, so anything above it is either a Redis preset (ElastiCache Serverless bills
 * a 1 GB minimum every hour it exists), a long-standing stack or a large experiment, each of which the user should
 * confirm by raising {@code --max-usd}.
 */
public final class CostGuard {

    /** The default of {@code --max-usd}. */
    public static final double DEFAULT_MAX_USD = 1.0;
    /** The help text of every {@code --max-usd} option, so deploy and run say the same. */
    public static final String OPTION_HELP = "Refuse to start (exit 2) when the estimated cost from the price file "
            + "is above this many USD. Default: ${DEFAULT-VALUE}, small on purpose: pay-per-request stacks cost "
            + "cents, so a higher estimate (ElastiCache's hourly minimum, a long-standing stack, a large experiment) "
            + "should be confirmed by raising it.";

    private final double maxUsd;

    /** @param maxUsd the limit in USD ({@code --max-usd}); finite and >= 0 */
    public CostGuard(double maxUsd) {
        this.maxUsd = validLimit(maxUsd);
    }

    private static double validLimit(double maxUsd) {
        if (!Double.isFinite(maxUsd) || maxUsd < 0) {
            throw new ConfigException("--max-usd must be a finite number >= 0, was " + maxUsd);
        }
        return maxUsd;
    }

    public double maxUsd() {
        return maxUsd;
    }

    /**
     * Prints the estimate to {@code out}, then throws {@link CostLimitExceededException} if its total is above the
     * limit; returns the total otherwise.
     */
    public double check(CostEstimate estimate, PrintStream out) {
        Objects.requireNonNull(estimate, "estimate");
        out.println(estimate.describe());
        out.println(String.format(Locale.ROOT, "  limit (--max-usd)%73s %12.6f USD", "", maxUsd));
        return check(estimate.subject(), estimate.totalUsd(), maxUsd);
    }

    /**
     * The bare check for a caller with its own estimate: throws {@link CostLimitExceededException} when
     * {@code estimatedUsd > maxUsd}; returns {@code estimatedUsd} otherwise.
     */
    public static double check(String what, double estimatedUsd, double maxUsd) {
        if (!Double.isFinite(estimatedUsd) || estimatedUsd < 0) {
            throw new IllegalArgumentException(what + ": estimate must be finite and >= 0, was " + estimatedUsd);
        }
        if (estimatedUsd > validLimit(maxUsd)) {
            throw new CostLimitExceededException(what, estimatedUsd, maxUsd);
        }
        return estimatedUsd;
    }
}
