package dev.fameharness.report.attribution;

import dev.fameharness.report.TurnRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a preset's turn latency goes: the mean of each critical-path part ({@link TurnRecord#latencyParts()}) over
 * the completed turns that carry an attribution, plus the mean queueing before a turn starts (arrival to start,
 * so parts + queueing = user-perceived latency). The harness's own overhead is state I/O ({@code state.kv},
 * {@code state.object}) plus {@code orchestration}, as a share of the mean service latency. A preset whose turns
 * carry no parts has {@code attributedTurns = 0}: its attribution is missing, not zero.
 *
 * @param preset          the preset
 * @param completedTurns  completed turns of the preset
 * @param attributedTurns completed turns with a latency split (the means are over these)
 * @param meanLatencyMs   mean service latency of the attributed turns
 * @param meanQueueMs     mean queueing (start - arrival) of the attributed turns
 * @param meanPartMs      mean milliseconds per part, parts in {@link #PART_ORDER} then any other key sorted
 */
public record LatencyAttribution(String preset, int completedTurns, int attributedTurns, double meanLatencyMs,
                                 double meanQueueMs, SortedMap<String, Double> meanPartMs) {

    /** The parts in the order charts and tables show them. */
    public static final List<String> PART_ORDER = List.of("llm.ttft", "llm.prefill", "llm.decode", "tool",
            "state.kv", "state.object", "orchestration", "cold_start", "retry");

    /** Parts that are the architecture's own overhead (not model or tool work). */
    public static final List<String> OVERHEAD_PARTS = List.of("state.kv", "state.object", "orchestration");

    public LatencyAttribution {
        Objects.requireNonNull(preset, "preset");
        meanPartMs = Collections.unmodifiableSortedMap(new TreeMap<>(meanPartMs));
    }

    /** True when at least one completed turn carries a latency split. */
    public boolean present() {
        return attributedTurns > 0;
    }

    /** Mean overhead (state I/O + orchestration) as a share of mean service latency; 0 when missing. */
    public double overheadShare() {
        if (!present() || meanLatencyMs == 0) {
            return 0;
        }
        double o = 0;
        for (String p : OVERHEAD_PARTS) {
            o += meanPartMs.getOrDefault(p, 0.0);
        }
        return o / meanLatencyMs;
    }

    /** The parts present, in {@link #PART_ORDER} first, then the rest sorted. */
    public List<String> orderedParts() {
        List<String> out = new ArrayList<>();
        for (String p : PART_ORDER) {
            if (meanPartMs.containsKey(p)) {
                out.add(p);
            }
        }
        for (String p : meanPartMs.keySet()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** One attribution per preset, presets in the order they first appear in {@code turns}. */
    public static List<LatencyAttribution> of(List<TurnRecord> turns) {
        Map<String, List<TurnRecord>> byPreset = new LinkedHashMap<>();
        for (TurnRecord t : turns) {
            byPreset.computeIfAbsent(t.preset(), k -> new ArrayList<>()).add(t);
        }
        List<LatencyAttribution> out = new ArrayList<>();
        byPreset.forEach((preset, list) -> out.add(ofPreset(preset, list)));
        return List.copyOf(out);
    }

    private static LatencyAttribution ofPreset(String preset, List<TurnRecord> turns) {
        int completed = 0;
        int attributed = 0;
        double latency = 0;
        double queue = 0;
        TreeMap<String, Double> sums = new TreeMap<>();
        for (TurnRecord t : turns) {
            if (!t.completed()) {
                continue;
            }
            completed++;
            if (t.latencyParts().isEmpty()) {
                continue;
            }
            attributed++;
            latency += t.latencyMicros() / 1000.0;
            queue += (t.startMicros() - t.arrivalMicros()) / 1000.0;
            t.latencyParts().forEach((k, v) -> sums.merge(k, v / 1000.0, Double::sum));
        }
        int n = attributed;
        TreeMap<String, Double> means = new TreeMap<>();
        sums.forEach((k, v) -> means.put(k, v / n));
        return new LatencyAttribution(preset, completed, attributed, n == 0 ? 0 : latency / n, n == 0 ? 0 : queue / n,
                means);
    }
}
