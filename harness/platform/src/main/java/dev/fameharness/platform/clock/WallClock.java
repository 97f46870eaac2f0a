package dev.fameharness.platform.clock;

import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.time.Seeds;
import java.time.Duration;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;

/**
 * Real elapsed time. Modeled delays are slept, multiplied by {@code delayScale} (0 = do not sleep: measure
 * the harness's own overhead; 1 = as modeled). Processes are real threads that run concurrently.
 * {@link #attribution} books the measured span of every named sleep; waits for joined threads and the harness's own
 * work count as {@link dev.fameharness.api.time.LatencyPart#OTHER}.
 */
public final class WallClock implements Clock {

    private final long seed;
    private final double delayScale;
    private final long startNanos = System.nanoTime();
    private final ThreadLocal<RandomGenerator> random;
    private final ThreadLocal<Timeline> timeline = ThreadLocal.withInitial(Timeline::new);

    public WallClock(long seed, double delayScale) {
        if (delayScale < 0 || Double.isNaN(delayScale)) {
            throw new IllegalArgumentException("delayScale must be >= 0, was " + delayScale);
        }
        this.seed = seed;
        this.delayScale = delayScale;
        this.random = ThreadLocal.withInitial(() -> new SplittableRandom(Seeds.derive(seed, Thread.currentThread().getName())));
    }

    @Override
    public Duration now() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void sleep(Duration duration, String part) {
        long from = now().toNanos();
        sleep(duration);
        timeline.get().book(from, now().toNanos(), part);
    }

    @Override
    public SortedMap<String, Long> attribution(Duration from) {
        return timeline.get().attribution(from.toNanos(), now().toNanos());
    }

    @Override
    public void sleep(Duration duration) {
        long nanos = (long) (duration.toNanos() * delayScale);
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping a modeled delay", e);
        }
    }

    @Override
    public <T> Task<T> spawn(String name, Callable<T> body) {
        Tags tags = Scope.current();
        long childSeed = Seeds.derive(seed, name);
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Scope.install(tags);
            random.set(new SplittableRandom(childSeed));
            try {
                future.complete(body.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "wproc-" + name);
        t.setDaemon(true);
        t.start();
        return new Task<>() {
            @Override
            public T join() {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while joining " + name, e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new TaskFailedException(name, c);
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
        return random.get();
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
