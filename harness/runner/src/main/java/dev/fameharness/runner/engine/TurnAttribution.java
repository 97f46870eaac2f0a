package dev.fameharness.runner.engine;

import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.PriceBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-turn figures that come from the clock and the storage meter rather than from events: the turn's latency
 * split into parts ({@link dev.fameharness.api.time.Clock#attribution}) and the storage the turn's writes held
 * (GB-months, priced per turn).
 */
final class TurnAttribution {

    private TurnAttribution() {
    }

    /**
     * Nanosecond parts to whole microseconds that sum exactly to {@code latencyMicros} (largest remainder: each
     * part is floored, the microseconds left over go to the parts with the largest fractions, ties by name).
     * The parts' nanoseconds sum to the span the latency was measured over, so the rounding moves each part by
     * less than one microsecond.
     */
    static SortedMap<String, Long> micros(SortedMap<String, Long> nanos, long latencyMicros) {
        TreeMap<String, Long> out = new TreeMap<>();
        long sum = 0;
        List<Map.Entry<String, Long>> fractions = new ArrayList<>();
        for (Map.Entry<String, Long> e : nanos.entrySet()) {
            long floor = e.getValue() / 1000;
            out.put(e.getKey(), floor);
            sum += floor;
            fractions.add(Map.entry(e.getKey(), e.getValue() % 1000));
        }
        fractions.sort(Comparator.comparing((Map.Entry<String, Long> f) -> -f.getValue())
                .thenComparing(Map.Entry::getKey));
        long left = latencyMicros - sum;
        for (int i = 0; left > 0 && !fractions.isEmpty(); i = (i + 1) % fractions.size(), left--) {
            out.merge(fractions.get(i).getKey(), 1L, Long::sum);
        }
        while (left < 0 && !out.isEmpty()) {
            // Only when the clock's span and the turn's µs differ by rounding: take from the largest part.
            String largest = out.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            out.merge(largest, -1L, Long::sum);
            left++;
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    /**
     * Byte-microseconds by backend to the price file's storage units: {@code dynamodb.storage_gb_month} and
     * {@code s3.storage_gb_month} (GB = the price file's bytes_per_gb, month = its hours_per_month).
     */
    static SortedMap<String, Double> storageUnits(Map<String, Double> byteMicrosByBackend, PriceBook prices) {
        TreeMap<String, Double> units = new TreeMap<>();
        byteMicrosByBackend.forEach((backend, byteMicros) -> {
            String unit = switch (backend) {
                case "dynamodb" -> CostModel.DYNAMODB_STORAGE;
                case "s3" -> CostModel.S3_STORAGE;
                default -> throw new IllegalStateException("no storage price unit for back end " + backend);
            };
            double gbMonths = byteMicros / 3.6e9 / prices.bytesPerGb() / prices.hoursPerMonth();
            if (gbMonths > 0) {
                units.merge(unit, gbMonths, Double::sum);
            }
        });
        return units;
    }
}
