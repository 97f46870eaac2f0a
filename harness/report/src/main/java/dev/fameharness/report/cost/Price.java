package dev.fameharness.report.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One price: {@code usd} dollars per {@code per} units of {@code id}, billed under {@code service}, with its
 * source. {@code minimum} is the smallest billed quantity of the priced dimension (1 GB for ElastiCache
 * Serverless data stored), 0 when there is none.
 */
public record Price(String id, Service service, double usd, double per, double minimum, String source,
                    LocalDate date, Quality quality, String note) {

    public Price {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(note, "note");
        if (!(usd >= 0) || !(per > 0) || !(minimum >= 0)) {
            throw new IllegalArgumentException("price " + id + ": usd >= 0, per > 0, minimum >= 0 required");
        }
    }

    /** Dollars per single unit. */
    public double usdPerUnit() {
        return usd / per;
    }
}
