package dev.fameharness.platform.clock;

import dev.fameharness.api.time.LatencyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One process's booked delays as segments of clock time ({@code [from, to)} in nanoseconds, each with its
 * {@link LatencyPart}), so that {@link dev.fameharness.api.time.Clock#attribution} can split any span of the
 * process's time into parts. Not thread-safe: each process owns its timeline; a parent reads a child's only after
 * the child ended.
 */
final class Timeline {

    private record Segment(long from, long to, String part) {
    }

    private final List<Segment> segments = new ArrayList<>();

    /** Books {@code [from, to)} under {@code part} (empty spans are ignored). */
    void book(long from, long to, String part) {
        if (to > from) {
            segments.add(new Segment(from, to, part));
        }
    }

    /** Copies the parts of {@code other} that overlap {@code [from, to)} (a join's wait) into this timeline. */
    void copy(Timeline other, long from, long to) {
        for (Segment s : other.segments) {
            book(Math.max(from, s.from), Math.min(to, s.to), s.part);
        }
    }

    /**
     * The parts of {@code [from, to)} in nanoseconds, {@link LatencyPart#OTHER} for what no segment covers; the
     * values sum to {@code to - from}. Segments that end at or before {@code from} are forgotten (a process asks
     * for ever later spans: one turn after another).
     */
    SortedMap<String, Long> attribution(long from, long to) {
        segments.removeIf(s -> s.to <= from);
        TreeMap<String, Long> parts = new TreeMap<>();
        long booked = 0;
        for (Segment s : segments) {
            long overlap = Math.min(to, s.to) - Math.max(from, s.from);
            if (overlap > 0) {
                parts.merge(s.part, overlap, Long::sum);
                booked += overlap;
            }
        }
        long other = (to - from) - booked;
        if (other > 0) {
            parts.merge(LatencyPart.OTHER, other, Long::sum);
        }
        return parts;
    }
}
