package dev.fameharness.runner.cloud;

import java.util.Objects;

/**
 * One line of a {@link CostEstimate}: {@code quantity} units of the price file's {@code priceId} (or a derived
 * quantity whose formula {@code item} states) and what they cost. Lines with {@code usd = 0} are kept when the
 * zero is itself information (pay-per-request resources that bill nothing while idle).
 *
 * @param item     what is priced, in words ("ElastiCache Serverless data stored, 1 GB minimum x 24 h")
 * @param priceId  the price-file id it is priced with, or empty for a line that bills nothing while idle
 * @param quantity units of {@code priceId}
 * @param usd      quantity x the price's USD per unit
 */
public record CostLine(String item, String priceId, double quantity, double usd) {

    public CostLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(priceId, "priceId");
        if (!Double.isFinite(quantity) || quantity < 0 || !Double.isFinite(usd) || usd < 0) {
            throw new IllegalArgumentException(item + ": quantity and usd must be finite and >= 0, were "
                    + quantity + " and " + usd);
        }
    }
}
