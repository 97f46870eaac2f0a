package dev.fameharness.faults;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs an operation under a {@link RetryPolicy}: a failure the policy calls retryable is retried after a
 * full-jitter backoff that passes on the harness {@link Clock} (virtual time in virtual mode; the jitter is drawn
 * from a stream keyed by the target and attempt when a {@link KeyedRandom} is set, else from the calling
 * process's seeded random stream), until an attempt succeeds or {@code maxAttempts} is reached,
 * when the last failure is rethrown unchanged. Anything else is rethrown at once.
 *
 * <p>Every retry is metered as {@code Note(subject "retry", text "<target> attempt <n>/<max> after <code>,
 * backoff <ms> ms")}, and giving up as {@code Note("retry", "<target> gave up after <n> attempts: <code>")}.
 */
public final class Retrier {

    /** The subject of the notes that record retries. */
    public static final String NOTE_SUBJECT = "retry";

    private final RetryPolicy policy;
    private final Clock clock;
    private final EventSink events;
    private final KeyedRandom keyed;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong exhausted = new AtomicLong();

    public Retrier(RetryPolicy policy, Clock clock, EventSink events) {
        this(policy, clock, events, null);
    }

    /** @param keyed the keyed streams backoff jitter draws from (null = the calling process's stream) */
    public Retrier(RetryPolicy policy, Clock clock, EventSink events, KeyedRandom keyed) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.keyed = keyed;
    }

    /** Runs {@code operation}, retrying it as the policy says; {@code target} names it in notes. */
    public <T> T call(String target, Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (!policy.isRetryable(e)) {
                    throw e;
                }
                if (attempt >= policy.maxAttempts()) {
                    exhausted.incrementAndGet();
                    note(target + " gave up after " + attempt + " attempts: " + code(e));
                    throw e;
                }
                Duration delay = policy.backoff(attempt + 1, policy.isThrottling(e),
                        keyed == null ? clock.random() : keyed.next("retry.backoff", target + "#" + (attempt + 1)));
                retries.incrementAndGet();
                note(target + " attempt " + (attempt + 1) + "/" + policy.maxAttempts() + " after " + code(e)
                        + ", backoff " + delay.toMillis() + " ms");
                clock.sleep(delay, dev.fameharness.api.time.LatencyPart.RETRY);
            }
        }
    }

    /** Runs {@code operation} (no result), retrying it as the policy says. */
    public void run(String target, Runnable operation) {
        call(target, () -> {
            operation.run();
            return null;
        });
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Retries made so far (attempts after the first). */
    public long retries() {
        return retries.get();
    }

    /** Operations that failed on their last allowed attempt. */
    public long exhausted() {
        return exhausted.get();
    }

    private void note(String text) {
        events.emit(new Event.Note(clock.now().toNanos() / 1000, Scope.current(), NOTE_SUBJECT, text));
    }

    private static String code(RuntimeException e) {
        if (e instanceof RetriableException r) {
            return r.code();
        }
        if (e instanceof FunctionErrorException f) {
            return f.errorType();
        }
        return e.getClass().getSimpleName();
    }
}
