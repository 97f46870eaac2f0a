package dev.fameharness.platform.faas;

import dev.fameharness.api.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What handler code can know about the invocation it runs in (Lambda's context object): the function,
 * its memory and CPU share, and the time left before the timeout. Set by {@link FaasEmulator} on the
 * thread that runs the initializer and the handler; processes the handler spawns do not inherit it.
 *
 * @param function  the function's name
 * @param memoryMb  its configured memory
 * @param cpuShare  {@code min(1, memoryMb / 1769)}: the fraction of a vCPU it gets (scale modeled compute by
 *                  {@code 1 / cpuShare} for single-threaded work)
 * @param cold      true while the instance's INIT runs and during the first invocation it serves
 * @param deadline  clock time at which the invocation times out
 * @param clock     the clock the deadline is on
 */
public record InvocationContext(String function, int memoryMb, double cpuShare, boolean cold, Duration deadline,
                                Clock clock) {

    private static final ThreadLocal<InvocationContext> CURRENT = new ThreadLocal<>();

    public InvocationContext {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
    }

    /** Time left before the timeout (negative once past it). */
    public Duration remainingTime() {
        return deadline.minus(clock.now());
    }

    /** The invocation the calling thread runs in; fails outside a handler or initializer. */
    public static InvocationContext current() {
        InvocationContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no function invocation on thread " + Thread.currentThread().getName()
                    + "; InvocationContext is only set while a FaasEmulator handler or initializer runs");
        }
        return c;
    }

    /** The invocation the calling thread runs in, if any. */
    public static Optional<InvocationContext> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Installs {@code context} until the returned handle is closed (restores the previous one). */
    static Installed install(InvocationContext context) {
        InvocationContext previous = CURRENT.get();
        CURRENT.set(context);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous context. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
