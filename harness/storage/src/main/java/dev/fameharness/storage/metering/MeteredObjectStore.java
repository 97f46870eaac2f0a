package dev.fameharness.storage.metering;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.api.time.Scope;
import dev.fameharness.storage.Ttl;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Meters any {@link ObjectStore}: every call lets its modeled latency pass on the harness clock (op ids
 * {@code s3.get|put|head|list|delete}; a range get is a GET) and emits one {@link Event.StoreOp} with S3's billing
 * units: {@code s3.tier1} for PUT and LIST (one per 1,000 keys listed), {@code s3.tier2} for GET and HEAD,
 * nothing for DELETE, and {@code s3.bytes_in} / {@code s3.bytes_out} (see {@link S3BillingRules}). A GET or HEAD of an
 * absent key is still billed; a call that throws carries no units (the request may not have reached S3). Same ordering and outcomes as
 * {@link MeteredKeyValueStore}.
 */
public final class MeteredObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final Clock clock;
    private final LatencyModel latency;
    private final EventSink sink;
    private final StorageMeter storage;

    public MeteredObjectStore(ObjectStore delegate, Clock clock, LatencyModel latency, EventSink sink) {
        this(delegate, clock, latency, sink, new StorageMeter());
    }

    /** @param storage where the bytes each object holds over time are recorded (S3 bills object bytes) */
    public MeteredObjectStore(ObjectStore delegate, Clock clock, LatencyModel latency, EventSink sink,
                              StorageMeter storage) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    public ObjectStore delegate() {
        return delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public String put(String key, byte[] data, Map<String, String> metadata) {
        long bytes = data == null ? 0 : data.length;
        return metered(key, "put", () -> delegate.put(key, data, metadata),
                etag -> stored(key, bytes, new Outcome(bytes, Map.of(S3BillingRules.TIER1, 1.0, S3BillingRules.BYTES_IN, (double) bytes), "ok")));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return metered(key, "get", () -> delegate.get(key), this::readOutcome);
    }

    @Override
    public Optional<byte[]> getRange(String key, long offset, long length) {
        return metered(key, "get", () -> delegate.getRange(key, offset, length), this::readOutcome);
    }

    private Outcome readOutcome(Optional<byte[]> data) {
        long bytes = data.map(d -> (long) d.length).orElse(0L);
        return new Outcome(bytes, Map.of(S3BillingRules.TIER2, 1.0, S3BillingRules.BYTES_OUT, (double) bytes),
                data.isPresent() ? "ok" : "absent");
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        return metered(key, "head", () -> delegate.head(key),
                info -> new Outcome(0, Map.of(S3BillingRules.TIER2, 1.0), info.isPresent() ? "ok" : "absent"));
    }

    @Override
    public void delete(String key) {
        metered(key, "delete", () -> {
            delegate.delete(key);
            return Boolean.TRUE;
        }, ignored -> stored(key, 0, new Outcome(0, Map.of(), "ok")));
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return metered(prefix, "list", () -> delegate.list(prefix),
                infos -> new Outcome(0, Map.of(S3BillingRules.TIER1, (double) S3BillingRules.listRequests(infos.size())),
                        "ok"));
    }

    /** Records that {@code key} holds {@code bytes} from the start of the current call. */
    private Outcome stored(String key, long bytes, Outcome outcome) {
        storage.hold(backend(), key, bytes, Scope.current().turn(), callStart.get());
        return outcome;
    }

    private final ThreadLocal<Long> callStart = ThreadLocal.withInitial(() -> 0L);

    private record Outcome(long bytes, Map<String, Double> units, String outcome) {
    }

    private <T> T metered(String key, String op, Supplier<T> call, Function<T, Outcome> outcome) {
        long start = Ttl.nowMicros(clock);
        callStart.set(start);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            finish(key, start, op, new Outcome(0, Map.of(), MeteredKeyValueStore.outcomeOf(e)));
            throw e;
        }
        finish(key, start, op, outcome.apply(result));
        return result;
    }

    private void finish(String key, long startMicros, String op, Outcome outcome) {
        clock.sleep(latency.sample(backend() + "." + op, outcome.bytes(), key), LatencyPart.STATE_OBJECT);
        long latencyMicros = Ttl.nowMicros(clock) - startMicros;
        sink.emit(new Event.StoreOp(startMicros, Scope.current(), backend(), op, outcome.bytes(),
                Event.StoreOp.units(outcome.units()), latencyMicros, outcome.outcome()));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered" + delegate;
    }
}
