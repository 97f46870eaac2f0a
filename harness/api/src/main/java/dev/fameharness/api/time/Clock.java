package dev.fameharness.api.time;

import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * The harness clock. Every component reads time and lets time pass through it, never through
 * {@code System.nanoTime()} or {@code Thread.sleep}, so the same code runs in both clock modes:
 *
 * <ul>
 *   <li><b>virtual</b>: a deterministic discrete-event scheduler. {@link #sleep} advances the calling
 *       process in virtual time and hands control to the process with the earliest wake-up time;
 *       only one process runs at a time, so a run is a pure function of its seed.</li>
 *   <li><b>wall</b>: real elapsed time; {@link #sleep} really sleeps (optionally scaled) and
 *       processes are threads that run concurrently.</li>
 * </ul>
 */
public interface Clock {

    /** Time elapsed since the start of the run (virtual or wall). */
    Duration now();

    /** Lets {@code duration} pass for the calling process (a modeled delay). Zero or negative returns at once. */
    void sleep(Duration duration);

    /**
     * Lets {@code duration} pass and books it under {@code part} (one of {@link LatencyPart}) for
     * {@link #attribution}. Clocks that do not attribute just sleep.
     */
    default void sleep(Duration duration, String part) {
        sleep(duration);
    }

    /**
     * The calling process's clock time since {@code from}, split into the parts its delays were booked under,
     * in nanoseconds, along its critical path: a wait for a joined process counts as that process's parts for
     * the waited span. Time no booked delay covers is {@link LatencyPart#OTHER}. The values sum exactly to
     * {@code now() - from}. Clocks that do not attribute return an empty map.
     */
    default SortedMap<String, Long> attribution(Duration from) {
        return new TreeMap<>();
    }

    /**
     * Starts a concurrent process that inherits the caller's {@link Scope} tags and gets its own
     * random stream derived from the run seed and {@code name}. Names of siblings should be unique
     * for reproducible random streams.
     */
    <T> Task<T> spawn(String name, Callable<T> body);

    /** The calling process's seeded random stream (virtual mode: deterministic per process name). */
    RandomGenerator random();

    /** True in virtual mode. */
    boolean isVirtual();

    /** A spawned process. */
    interface Task<T> {
        /** Waits (in clock time) until the process ends; rethrows its unchecked exception, wraps a checked one. */
        T join();

        boolean isDone();
    }
}
