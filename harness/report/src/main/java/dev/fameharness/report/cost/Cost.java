package dev.fameharness.report.cost;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cost in USD broken down by service. Always holds every {@link Service} (zero when unused) so that results
 * have the same columns for every preset; the map is sorted by service label.
 */
public record Cost(SortedMap<String, Double> usdByService) {

    /** No cost. */
    public static final Cost ZERO = new Cost(new TreeMap<>());

    public Cost {
        Objects.requireNonNull(usdByService, "usdByService");
        TreeMap<String, Double> all = new TreeMap<>();
        for (Service s : Service.values()) {
            all.put(s.label(), 0.0);
        }
        for (Map.Entry<String, Double> e : usdByService.entrySet()) {
            if (Service.ofLabel(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("unknown service " + e.getKey());
            }
            if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
                throw new IllegalArgumentException("cost of " + e.getKey() + " must be finite and >= 0, got "
                        + e.getValue());
            }
            all.put(e.getKey(), e.getValue());
        }
        usdByService = Collections.unmodifiableSortedMap(all);
    }

    /** A cost of {@code usd} for one service. */
    public static Cost of(Service service, double usd) {
        return new Cost(new TreeMap<>(Map.of(service.label(), usd)));
    }

    /** The cost of one service. */
    public double usd(Service service) {
        return usdByService.get(service.label());
    }

    /** The sum over services. */
    public double total() {
        double t = 0;
        for (double v : usdByService.values()) {
            t += v;
        }
        return t;
    }

    /** Service-wise sum. */
    public Cost plus(Cost other) {
        TreeMap<String, Double> sum = new TreeMap<>(usdByService);
        other.usdByService.forEach((k, v) -> sum.merge(k, v, Double::sum));
        return new Cost(sum);
    }

    /** Sum of many costs, in iteration order. */
    public static Cost sum(Iterable<Cost> costs) {
        Cost total = ZERO;
        for (Cost c : costs) {
            total = total.plus(c);
        }
        return total;
    }
}
