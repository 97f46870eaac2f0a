package dev.fameharness.bench;

import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.storage.Backend;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.Backends;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One put followed by one get of a 1 KB value on each real store, over its real wire protocol on 127.0.0.1:
 * DynamoDB Local (in this JVM, HTTP), redis-server (child process, RESP via Lettuce) and S3Proxy (in this
 * JVM, HTTP). Stores come from the harness's one factory ({@link Backends}), unmetered, so the score is client
 * plus loopback plus server time. The same key is overwritten every time; DynamoDB and Redis puts are
 * unconditional (one {@code UpdateItem} / one {@code EVALSHA}), gets strongly consistent.
 *
 * <p>Servers start once per fork in {@code @Setup(Level.Trial)} (not measured) and stop in the tear-down.
 * Local servers share the benchmark's two cores, so these are not cloud latencies: they are the floor the
 * harness itself adds to a store operation.
 *
 * <p>More warm-up and measurement than the CPU-only benchmarks (5 + 5 one-second iterations): DynamoDB Local
 * and S3Proxy run in the benchmark's JVM and are still being JIT-compiled after two seconds (a few dozen
 * operations at 20-40 ms each), and five measured iterations narrow the error interval on a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class StoreRoundTripBenchmark {

    private static final String KEY = "bench/roundtrip";
    private static final int VALUE_BYTES = 1024;

    @Param({"dynamodb", "redis", "s3"})
    public String backend;

    private Backend<KeyValueStore> kv;
    private Backend<ObjectStore> objects;
    private byte[] value;

    @Setup(Level.Trial)
    public void start() {
        value = Fixtures.value(VALUE_BYTES);
        if (BackendConfig.S3.equals(backend)) {
            objects = Backends.objectStore(BackendConfig.local(BackendConfig.S3));
        } else {
            kv = Backends.keyValueStore(BackendConfig.local(backend), new FixedClock(Duration.ZERO, 42));
        }
        byte[] read = putGet();
        if (!Arrays.equals(read, value)) {
            throw new IllegalStateException("the " + backend + " store did not return the value it was given");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (kv != null) {
            kv.close();
        }
        if (objects != null) {
            objects.close();
        }
    }

    @Benchmark
    public byte[] putGet() {
        if (objects != null) {
            objects.store().put(KEY, value);
            return objects.store().get(KEY).orElseThrow(() -> new IllegalStateException("s3 lost " + KEY));
        }
        kv.store().put(KEY, value, Duration.ZERO);
        return kv.store().get(KEY).map(Versioned::value)
                .orElseThrow(() -> new IllegalStateException(backend + " lost " + KEY));
    }
}
