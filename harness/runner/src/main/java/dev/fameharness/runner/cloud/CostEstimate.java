package dev.fameharness.runner.cloud;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an action against AWS is expected to cost, line by line, priced from the price file: the figure the
 * {@link CostGuard} compares with {@code --max-usd} and prints before anything starts.
 *
 * @param subject what is estimated ("deploy of stack fame-x (preset fame) standing 24 h")
 * @param lines   the priced lines; the total is their sum
 * @param source  the price file the lines were priced from (path or class-path resource) and its date
 */
public record CostEstimate(String subject, List<CostLine> lines, String source) {

    public CostEstimate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
    }

    /** The sum of the lines, USD. */
    public double totalUsd() {
        double total = 0;
        for (CostLine l : lines) {
            total += l.usd();
        }
        return total;
    }

    /** The estimate as the CLI prints it: one line per item, then the total and the price file. */
    public String describe() {
        StringBuilder b = new StringBuilder("estimated cost of ").append(subject).append(" (").append(source)
                .append("; free tiers not applied):\n");
        for (CostLine l : lines) {
            b.append(String.format(Locale.ROOT, "  %-90s %12.6f USD%n", l.item()
                    + (l.priceId().isEmpty() ? "" : " [" + l.priceId() + " x " + fmt(l.quantity()) + "]"), l.usd()));
        }
        b.append(String.format(Locale.ROOT, "  %-90s %12.6f USD", "total", totalUsd()));
        return b.toString();
    }

    private static String fmt(double q) {
        return q == Math.rint(q) && Math.abs(q) < 1e15 ? Long.toString((long) q) : String.format(Locale.ROOT, "%.6g", q);
    }
}
