package dev.fameharness.bench;

import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Benchmark fixture: a harness clock that stands still unless something sleeps on it (a sleep advances it by
 * the duration and returns at once). The stores read it only for TTL checks, and the benchmarks write no TTL,
 * so wall time never enters a measured path through it. Thread-safe; {@link #spawn} runs the body on a new
 * platform thread.
 */
final class FixedClock implements Clock {

    private final AtomicLong nanos;
    private final long seed;

    /** A clock at {@code start} since the run's start, with random streams derived from {@code seed}. */
    FixedClock(Duration start, long seed) {
        if (start.isNegative()) {
            throw new IllegalArgumentException("start must be >= 0, was " + start);
        }
        this.nanos = new AtomicLong(start.toNanos());
        this.seed = seed;
    }

    @Override
    public Duration now() {
        return Duration.ofNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
        if (duration != null && !duration.isNegative()) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    @Override
    public <T> Task<T> spawn(String name, Callable<T> body) {
        var tags = Scope.current();
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            Scope.install(tags);
            try {
                future.complete(body.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, name);
        thread.start();
        return new Task<>() {
            @Override
            public T join() {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while joining " + name, e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new CompletionException(e.getCause());
                }
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(seed);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
