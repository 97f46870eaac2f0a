package dev.fameharness.report.results;

import dev.fameharness.report.TurnRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns of two presets matched by (seed, turn id): the same session turn run under each architecture. Pairs
 * are sorted by seed, then turn id, so that resampling indices is reproducible. Turns that only one preset has
 * are left out.
 */
public record PairedTurns(List<TurnRecord> candidate, List<TurnRecord> baseline) {

    public PairedTurns {
        if (candidate.size() != baseline.size()) {
            throw new IllegalArgumentException("unpaired lists");
        }
        candidate = List.copyOf(candidate);
        baseline = List.copyOf(baseline);
    }

    /** Matches {@code candidate} turns with {@code baseline} turns; a duplicate (seed, turn id) is an error. */
    public static PairedTurns match(List<TurnRecord> candidate, List<TurnRecord> baseline) {
        Map<String, TurnRecord> base = new HashMap<>();
        for (TurnRecord t : baseline) {
            if (base.put(key(t), t) != null) {
                throw new IllegalArgumentException("duplicate turn " + key(t) + " in preset " + t.preset());
            }
        }
        List<TurnRecord> sorted = new ArrayList<>(candidate);
        sorted.sort(Comparator.comparingLong(TurnRecord::seed).thenComparing(TurnRecord::turnId));
        List<TurnRecord> a = new ArrayList<>();
        List<TurnRecord> b = new ArrayList<>();
        String previous = null;
        for (TurnRecord t : sorted) {
            String k = key(t);
            if (k.equals(previous)) {
                throw new IllegalArgumentException("duplicate turn " + k + " in preset " + t.preset());
            }
            previous = k;
            TurnRecord match = base.get(k);
            if (match != null) {
                a.add(t);
                b.add(match);
            }
        }
        return new PairedTurns(a, b);
    }

    public int size() {
        return candidate.size();
    }

    /** Only the pairs where both turns completed. */
    public PairedTurns bothCompleted() {
        List<TurnRecord> a = new ArrayList<>();
        List<TurnRecord> b = new ArrayList<>();
        for (int i = 0; i < candidate.size(); i++) {
            if (candidate.get(i).completed() && baseline.get(i).completed()) {
                a.add(candidate.get(i));
                b.add(baseline.get(i));
            }
        }
        return new PairedTurns(a, b);
    }

    private static String key(TurnRecord t) {
        return t.seed() + "\u0000" + t.turnId();
    }
}
