package dev.fameharness.bench;

import dev.fameharness.strategies.state.CanonicalJson;
import dev.fameharness.strategies.state.Keys;
import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.fame.CachingToolGateway;
import dev.fameharness.fame.TieredValueStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FAME's routing decisions, without I/O.
 *
 * <ul>
 *   <li>{@code tieredPut} / {@code directPut}: {@link TieredValueStore#put} over two in-memory tiers at FAME's
 *       default 16 KB threshold, against a put straight into the tier the router would choose. Their
 *       difference is the routing overhead; 1 KB and 16 KB go to the kv tier (16 KB is exactly the
 *       threshold), 256 KB to the object tier.</li>
 *   <li>{@code cacheKey}: {@link CachingToolGateway#key} for typical arguments, i.e. {@code canonicalJson}
 *       (Jackson parse, key sort, write) plus {@code keysHash} (length-prefixed SHA-256 of server, tool and
 *       canonical arguments), measured also on their own.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
public class RouterBenchmark {

    private static final String KEY = "state/bench/value";

    /** A value of one size and the two ways of storing it. */
    @State(Scope.Thread)
    public static class Values {

        @Param({"1024", "16384", "262144"})
        public int sizeBytes;

        byte[] value;
        TieredValueStore tiered;
        ValueStore direct;

        @Setup
        public void setUp() {
            value = Fixtures.value(sizeBytes);
            // one key, overwritten: each tier holds one value, so the map never grows or rehashes
            ValueStore hot = new InMemoryValueStore("kv", 1);
            ValueStore cold = new InMemoryValueStore("s3", 1);
            tiered = new TieredValueStore(hot, cold, Fixtures.OFFLOAD_THRESHOLD_BYTES);
            direct = "kv".equals(tiered.tierFor(sizeBytes)) ? hot : cold;
        }
    }

    /** Arguments of one tool call. */
    @State(Scope.Thread)
    public static class ToolCall {

        @Param({"search_papers", "get_section"})
        public String tool;

        String arguments;
        String canonical;

        @Setup
        public void setUp() {
            arguments = Fixtures.toolArguments(tool);
            canonical = CanonicalJson.canonical(arguments);
        }
    }

    @Benchmark
    public String tieredPut(Values v) {
        return v.tiered.put(KEY, v.value);
    }

    @Benchmark
    public String directPut(Values v) {
        return v.direct.put(KEY, v.value);
    }

    @Benchmark
    public String cacheKey(ToolCall c) {
        return CachingToolGateway.key(Fixtures.PAPERS_SERVER, c.tool, c.arguments);
    }

    @Benchmark
    public String canonicalJson(ToolCall c) {
        return CanonicalJson.canonical(c.arguments);
    }

    @Benchmark
    public String keysHash(ToolCall c) {
        return Keys.hash(Fixtures.PAPERS_SERVER, c.tool, c.canonical);
    }
}
