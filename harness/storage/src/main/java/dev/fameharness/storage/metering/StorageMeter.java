package dev.fameharness.storage.metering;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bytes held in storage over clock time, the quantity S3 and DynamoDB bill storage by (GB-month). The metered
 * stores report every change of what a key holds ({@link #hold}); each holding accrues {@code bytes x time} to the
 * turn whose write created it, until the key is overwritten or deleted, or the run ends ({@link #byteMicros}).
 * Attributing a holding to the turn that wrote it makes the per-turn figures sum exactly to the run's total.
 * The byte count is the provider's billed size: for DynamoDB the item size by its rules (attribute names and
 * values) plus {@value #DYNAMODB_ITEM_OVERHEAD_BYTES} bytes of per-item overhead; for S3 the object's bytes.
 * Thread-safe.
 */
public final class StorageMeter {

    /**
     * DynamoDB bills each item's raw size plus 100 bytes of indexing overhead ("Amazon DynamoDB pricing",
     * data storage; developer guide "Best practices for storing large items": "an additional 100 bytes of
     * overhead per item for indexing"), https://aws.amazon.com/dynamodb/pricing/on-demand/ (2026-12-01).
     */
    public static final long DYNAMODB_ITEM_OVERHEAD_BYTES = 100;

    private record Holding(long bytes, String turn, long sinceMicros) {
    }

    private final Map<String, Holding> held = new HashMap<>();
    private final Map<String, Map<String, Double>> accrued = new HashMap<>();

    /**
     * From {@code atMicros}, {@code backend}'s {@code key} holds {@code bytes} (0 = deleted), written by
     * {@code turn} (empty = outside any turn).
     */
    public synchronized void hold(String backend, String key, long bytes, String turn, long atMicros) {
        String id = backend + '\u0000' + key;
        Holding previous = bytes > 0 ? held.put(id, new Holding(bytes, turn, atMicros)) : held.remove(id);
        if (previous != null) {
            accrue(backend, previous, atMicros);
        }
    }

    /**
     * Byte-microseconds held per turn and backend from the start of the run to {@code endMicros} (keys still held
     * then accrue up to it). Sorted by turn, then backend.
     */
    public synchronized SortedMap<String, SortedMap<String, Double>> byteMicros(long endMicros) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        accrued.forEach((turn, byBackend) -> out.put(turn, new HashMap<>(byBackend)));
        held.forEach((id, h) -> {
            String backend = id.substring(0, id.indexOf('\u0000'));
            long span = Math.max(0, endMicros - h.sinceMicros);
            out.computeIfAbsent(h.turn, t -> new HashMap<>()).merge(backend, (double) h.bytes * span, Double::sum);
        });
        TreeMap<String, SortedMap<String, Double>> sorted = new TreeMap<>();
        out.forEach((turn, byBackend) -> sorted.put(turn, Collections.unmodifiableSortedMap(new TreeMap<>(byBackend))));
        return Collections.unmodifiableSortedMap(sorted);
    }

    private void accrue(String backend, Holding h, long untilMicros) {
        long span = Math.max(0, untilMicros - h.sinceMicros);
        accrued.computeIfAbsent(h.turn, t -> new HashMap<>()).merge(backend, (double) h.bytes * span, Double::sum);
    }
}
