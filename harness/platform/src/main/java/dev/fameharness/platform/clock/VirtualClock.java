package dev.fameharness.platform.clock;

import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.time.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * A deterministic discrete-event scheduler in the style of process-based simulation (SimPy): every
 * process is a thread, but exactly one holds the baton at any moment. {@link #sleep} puts the caller in a
 * queue ordered by (wake-up time, sequence number) and hands the baton to the earliest entry, so
 * processes interleave in virtual-time order and a run is a pure function of its seed and inputs —
 * whatever the operating system's thread scheduling. Real work (store round trips, tokenising, parsing)
 * happens while a process holds the baton and takes no virtual time; only modeled delays do.
 *
 * <p>Start a simulation with {@link #run}; the clock's blocking methods must be called from processes.
 */
public final class VirtualClock implements Clock {

    private final long seed;
    private final Object lock = new Object();
    private final PriorityQueue<Wakeup> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private int live;
    private final List<Throwable> orphanFailures = new ArrayList<>();
    private final ThreadLocal<Proc> current = new ThreadLocal<>();
    private CountDownLatch quiescent;

    public VirtualClock(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * Runs {@code main} as the first process and returns when it and every process it spawned have ended.
     * Rethrows {@code main}'s failure. Not re-entrant: one simulation at a time per clock.
     */
    public <T> T run(String name, Callable<T> main) {
        Objects.requireNonNull(main, "main");
        if (current.get() != null) {
            throw new IllegalStateException("VirtualClock.run called from inside a simulation; use spawn");
        }
        Proc proc;
        synchronized (lock) {
            if (quiescent != null) {
                throw new IllegalStateException("a simulation is already running on this clock");
            }
            quiescent = new CountDownLatch(1);
            proc = newProc(name, null, main, Scope.current());
            enqueue(nowNanos, proc);
            dispatchLocked();
        }
        try {
            quiescent.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulation", e);
        } finally {
            synchronized (lock) {
                quiescent = null;
            }
        }
        @SuppressWarnings("unchecked")
        T result = (T) proc.task.join0();
        return result;
    }

    /** Failures of processes nobody joined (reported, never swallowed). */
    public List<Throwable> orphanFailures() {
        synchronized (lock) {
            return List.copyOf(orphanFailures);
        }
    }

    @Override
    public Duration now() {
        synchronized (lock) {
            return Duration.ofNanos(nowNanos);
        }
    }

    @Override
    public void sleep(Duration duration) {
        sleep(duration, null);
    }

    /**
     * Sleeps and books the span under {@code part} (null books nothing: the span counts as
     * {@link dev.fameharness.api.time.LatencyPart#OTHER}).
     */
    @Override
    public void sleep(Duration duration, String part) {
        Proc self = self("sleep");
        long d = Math.max(0, duration.toNanos());
        synchronized (lock) {
            if (part != null) {
                self.timeline.book(nowNanos, nowNanos + d, part);
            }
            enqueue(nowNanos + d, self);
            dispatchLocked();
        }
        self.await();
    }

    @Override
    public SortedMap<String, Long> attribution(Duration from) {
        Proc self = self("attribution");
        synchronized (lock) {
            return self.timeline.attribution(from.toNanos(), nowNanos);
        }
    }

    @Override
    public <T> Task<T> spawn(String name, Callable<T> body) {
        Proc parent = self("spawn");
        Proc child;
        synchronized (lock) {
            child = newProc(parent.path + "/" + name + "#" + parent.children++, parent, body, Scope.current());
            enqueue(nowNanos, child);
        }
        @SuppressWarnings("unchecked")
        Task<T> task = (Task<T>) child.task;
        return task;
    }

    @Override
    public RandomGenerator random() {
        return self("random").random;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    // ---------------------------------------------------------------------------------------------

    private Proc self(String what) {
        Proc p = current.get();
        if (p == null) {
            throw new IllegalStateException("Clock." + what + " called outside a simulation process (thread "
                    + Thread.currentThread().getName() + "); start work with VirtualClock.run or Clock.spawn");
        }
        return p;
    }

    private Proc newProc(String path, Proc parent, Callable<?> body, Tags tags) {
        Proc p = new Proc(path, new SplittableRandom(Seeds.derive(seed, path)));
        live++;
        Thread t = new Thread(() -> p.main(body, tags), "vproc-" + path);
        t.setDaemon(true);
        t.start();
        return p;
    }

    private void enqueue(long at, Proc p) {
        queue.add(new Wakeup(at, sequence++, p));
    }

    /** Hands the baton to the earliest waiting process. Caller holds the lock and is giving up the baton. */
    private void dispatchLocked() {
        Wakeup next = queue.poll();
        if (next == null) {
            if (live == 0) {
                quiescent.countDown();
            } else {
                // Processes remain but none can run: they all wait on joins that can never complete.
                IllegalStateException deadlock = new IllegalStateException(
                        "virtual-time deadlock: " + live + " process(es) blocked on join with nothing scheduled");
                orphanFailures.add(deadlock);
                quiescent.countDown();
            }
            return;
        }
        nowNanos = Math.max(nowNanos, next.atNanos);
        next.proc.baton.release();
    }

    private record Wakeup(long atNanos, long seq, Proc proc) implements Comparable<Wakeup> {
        @Override
        public int compareTo(Wakeup o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final class Proc {
        final String path;
        final RandomGenerator random;
        final Semaphore baton = new Semaphore(0);
        final VTask task = new VTask(this);
        final Timeline timeline = new Timeline();
        int children;

        Proc(String path, RandomGenerator random) {
            this.path = path;
            this.random = random;
        }

        void await() {
            baton.acquireUninterruptibly();
        }

        void main(Callable<?> body, Tags tags) {
            await();
            current.set(this);
            Scope.install(tags);
            Object result = null;
            Throwable failure = null;
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
            synchronized (lock) {
                task.complete(result, failure);
                live--;
                dispatchLocked();
            }
        }
    }

    private final class VTask implements Task<Object> {
        private final Proc owner;
        private final List<Proc> joiners = new ArrayList<>();
        private boolean done;
        private boolean joined;
        private Object result;
        private Throwable failure;

        VTask(Proc owner) {
            this.owner = owner;
        }

        /** Called with the lock held. */
        void complete(Object value, Throwable error) {
            done = true;
            result = value;
            failure = error;
            for (Proc j : joiners) {
                enqueue(nowNanos, j);
            }
            if (error != null && joiners.isEmpty() && owner != null && !joined) {
                orphanFailures.add(error);
            }
        }

        @Override
        public Object join() {
            Proc self = current.get();
            long waitedFrom;
            synchronized (lock) {
                joined = true;
                if (done) {
                    orphanFailures.remove(failure);
                    return join0();
                }
                if (self == null) {
                    throw new IllegalStateException("Task.join called outside a simulation process");
                }
                joiners.add(self);
                waitedFrom = nowNanos;
                dispatchLocked();
            }
            self.await();
            synchronized (lock) {
                // The wait lies on this process's critical path: it is the joined process's time.
                self.timeline.copy(owner.timeline, waitedFrom, nowNanos);
            }
            return join0();
        }

        Object join0() {
            if (failure == null) {
                return result;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new TaskFailedException(owner.path, failure);
        }

        @Override
        public boolean isDone() {
            synchronized (lock) {
                return done;
            }
        }
    }
}
