package dev.fameharness.storage;

import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Test fixture: a clock that moves only when told ({@link #advance}) or when something sleeps on it (a sleep
 * advances it by the duration and returns at once). Thread-safe; spawn runs the body on a new thread.
 */
public final class ManualClock implements Clock {

    private final AtomicLong nanos = new AtomicLong();
    private final long seed;

    public ManualClock() {
        this(42);
    }

    public ManualClock(long seed) {
        this.seed = seed;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public Duration now() {
        return Duration.ofNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
        if (duration != null && !duration.isNegative()) {
            advance(duration);
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
                    throw new IllegalStateException(e);
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
        return new Random(seed);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
