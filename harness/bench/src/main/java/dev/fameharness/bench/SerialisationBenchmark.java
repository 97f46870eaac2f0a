package dev.fameharness.bench;

import dev.fameharness.agent.AgentState;
import dev.fameharness.strategies.state.StoredStateCarrier;
import dev.fameharness.baselines.PayloadStateCarrier;
import dev.fameharness.agent.strategy.StateCarrier;
import dev.fameharness.api.metering.Event;
import dev.fameharness.fame.TieredValueStore;
import dev.fameharness.platform.metering.EventLog;
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
 * The CPU cost of moving a working state between functions, and of writing the event stream.
 *
 * <ul>
 *   <li>{@code payloadEncode} / {@code payloadDecode}: {@link PayloadStateCarrier}, the whole state as JSON in
 *       the payload (the stateless-payload architecture).</li>
 *   <li>{@code storedEncode} / {@code storedDecode}: {@link StoredStateCarrier} as FAME builds it (a
 *       {@link TieredValueStore} at 16 KB) over in-memory tiers: state JSON, key hashing, routing and the
 *       small reference payload, with no store I/O (that is {@link StoreRoundTripBenchmark}).</li>
 *   <li>{@code eventToJson}: {@link EventLog#toJson} of one event, once per event of a run.</li>
 * </ul>
 *
 * Both carriers are measured on both shapes of {@link Fixtures#state}: {@code fame-small} (references,
 * about 4 KB as JSON) and {@code stateless-100kb} (the paper's full text inline).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
public class SerialisationBenchmark {

    /** One state, both carriers, and each carrier's encoding of it (decode input). */
    @State(Scope.Thread)
    public static class States {

        @Param({"fame-small", "stateless-100kb"})
        public String shape;

        AgentState state;
        StateCarrier payload;
        StateCarrier stored;
        byte[] payloadEncoded;
        byte[] storedEncoded;

        @Setup
        public void setUp() {
            state = Fixtures.state(shape);
            payload = new PayloadStateCarrier();
            // capacity 64 per tier: encode writes a new key every time; decode reads the one written here,
            // which must survive (decode benchmarks write nothing, so it does)
            stored = new StoredStateCarrier("tiered", new TieredValueStore(new InMemoryValueStore("kv", 64),
                    new InMemoryValueStore("s3", 64), Fixtures.OFFLOAD_THRESHOLD_BYTES));
            payloadEncoded = payload.encode(state);
            storedEncoded = stored.encode(state);
            if (!payload.decode(payloadEncoded).equals(state) || !stored.decode(storedEncoded).equals(state)) {
                throw new IllegalStateException("a carrier does not round-trip the " + shape + " state");
            }
        }
    }

    /** One event of a given kind. */
    @State(Scope.Thread)
    public static class Events {

        @Param({"StoreOp", "LlmCall"})
        public String kind;

        Event event;

        @Setup
        public void setUp() {
            event = Fixtures.event(kind);
        }
    }

    @Benchmark
    public byte[] payloadEncode(States s) {
        return s.payload.encode(s.state);
    }

    @Benchmark
    public AgentState payloadDecode(States s) {
        return s.payload.decode(s.payloadEncoded);
    }

    @Benchmark
    public byte[] storedEncode(States s) {
        return s.stored.encode(s.state);
    }

    @Benchmark
    public AgentState storedDecode(States s) {
        return s.stored.decode(s.storedEncoded);
    }

    @Benchmark
    public String eventToJson(Events e) {
        return EventLog.toJson(e.event);
    }
}
