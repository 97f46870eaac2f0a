package dev.fameharness.storage.metering;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.api.time.Scope;
import dev.fameharness.storage.KvReceipt;
import dev.fameharness.storage.ReceiptingKeyValueStore;
import dev.fameharness.storage.Ttl;
import dev.fameharness.storage.WireOp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Meters any {@link KeyValueStore}: every call lets its modeled latency pass on the harness clock
 * ({@code Clock.sleep(latency.sample(opId, bytes))}, opId {@code dynamodb.get|put|delete} or
 * {@code redis.get|set|del}) and emits one {@link Event.StoreOp} with the billing units of the requests it sent.
 *
 * <p>Order: the real request runs first, then the modeled latency passes; so a write is visible to others from
 * the start of its modeled latency, and the latency can scale with the bytes actually returned. The event's
 * {@code atMicros} is the start, {@code latencyMicros} the clock time the call took (in virtual mode exactly the
 * modeled latency). Outcomes: {@code ok}, {@code absent} (get of a missing or expired key), {@code conflict},
 * {@code limit}, {@code error}.
 *
 * <p>Units: with a {@link ReceiptingKeyValueStore} (both stores in this module) DynamoDB is billed by the real
 * item sizes, old and new, attribute names included ({@link DynamoDbBillingRules}); with another store the value
 * size stands in for the item. Redis: {@code redis.ops} per command, {@code redis.bytes} = key + value bytes
 * moved ({@link RedisBillingRules}).
 */
public final class MeteredKeyValueStore implements ReceiptingKeyValueStore {

    private final KeyValueStore delegate;
    private final Clock clock;
    private final LatencyModel latency;
    private final EventSink sink;
    private final StorageMeter storage;

    public MeteredKeyValueStore(KeyValueStore delegate, Clock clock, LatencyModel latency, EventSink sink) {
        this(delegate, clock, latency, sink, new StorageMeter());
    }

    /**
     * @param storage where DynamoDB item sizes over time are recorded (billed size = item size + 100 bytes); Redis
     *                is billed by the server's measured memory instead and is not recorded
     */
    public MeteredKeyValueStore(KeyValueStore delegate, Clock clock, LatencyModel latency, EventSink sink,
                                StorageMeter storage) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The metered store underneath. */
    public KeyValueStore delegate() {
        return delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    /** The operation name used in op ids and events: Redis's commands are GET/SET/DEL. */
    String operation(String kind) {
        boolean redis = "redis".equals(backend());
        return switch (kind) {
            case WireOp.READ -> "get";
            case WireOp.WRITE -> redis ? "set" : "put";
            default -> redis ? "del" : "delete";
        };
    }

    @Override
    public KvReceipt read(String key, Consistency consistency) {
        long start = Ttl.nowMicros(clock);
        String op = operation(WireOp.READ);
        KvReceipt receipt;
        try {
            if (delegate instanceof ReceiptingKeyValueStore r) {
                receipt = r.read(key, consistency);
            } else {
                Optional<Versioned> value = delegate.get(key, consistency);
                receipt = KvReceipt.read(value, WireOp.read(value.map(v -> (long) v.sizeBytes()).orElse(-1L)));
            }
        } catch (RuntimeException e) {
            finish(key, start, op, 0, Map.of(), outcomeOf(e));
            throw e;
        }
        long bytes = receipt.value().map(v -> (long) v.sizeBytes()).orElse(0L);
        finish(key, start, op, bytes, units(key, bytes, receipt.wire(), consistency),
                receipt.value().isPresent() ? "ok" : "absent");
        return receipt;
    }

    @Override
    public KvReceipt write(String key, byte[] value, long expectedVersion, Duration ttl) {
        long start = Ttl.nowMicros(clock);
        String op = operation(WireOp.WRITE);
        long bytes = value == null ? 0 : value.length;
        KvReceipt receipt;
        try {
            receipt = delegateWrite(key, value, expectedVersion, ttl);
        } catch (RuntimeException e) {
            finish(key, start, op, bytes, Map.of(), outcomeOf(e));
            throw e;
        }
        for (WireOp w : receipt.wire()) {
            if (w.applied() && w.itemBytesAfter() >= 0) {
                held(key, w.itemBytesAfter(), start);
            }
        }
        finish(key, start, op, bytes, units(key, bytes, receipt.wire(), Consistency.STRONG),
                receipt.conflict() ? "conflict" : "ok");
        return receipt;
    }

    private KvReceipt delegateWrite(String key, byte[] value, long expectedVersion, Duration ttl) {
        if (delegate instanceof ReceiptingKeyValueStore r) {
            return r.write(key, value, expectedVersion, ttl);
        }
        long size = value == null ? 0 : value.length;
        if (expectedVersion == UNCONDITIONAL) {
            return KvReceipt.written(delegate.put(key, value, ttl), List.of(WireOp.write(-1, size, true)));
        }
        try {
            return KvReceipt.written(delegate.putIfVersion(key, value, expectedVersion, ttl),
                    List.of(WireOp.write(-1, size, true)));
        } catch (VersionConflictException e) {
            return KvReceipt.rejected(-1, List.of(WireOp.write(-1, size, false)));
        }
    }

    @Override
    public KvReceipt remove(String key) {
        long start = Ttl.nowMicros(clock);
        String op = operation(WireOp.DELETE);
        KvReceipt receipt;
        try {
            if (delegate instanceof ReceiptingKeyValueStore r) {
                receipt = r.remove(key);
            } else {
                delegate.delete(key);
                receipt = KvReceipt.deleted(WireOp.delete(-1));
            }
        } catch (RuntimeException e) {
            finish(key, start, op, 0, Map.of(), outcomeOf(e));
            throw e;
        }
        held(key, 0, start);
        finish(key, start, op, 0, units(key, 0, receipt.wire(), Consistency.STRONG), "ok");
        return receipt;
    }

    /** Records what a DynamoDB key holds from now: its item size plus the per-item overhead, or nothing. */
    private void held(String key, long itemBytes, long atMicros) {
        if ("dynamodb".equals(backend())) {
            storage.hold(backend(), key, itemBytes > 0 ? itemBytes + StorageMeter.DYNAMODB_ITEM_OVERHEAD_BYTES : 0,
                    Scope.current().turn(), atMicros);
        }
    }

    private SortedMap<String, Double> units(String key, long valueBytes, List<WireOp> wire, Consistency consistency) {
        SortedMap<String, Double> units = new TreeMap<>();
        switch (backend()) {
            case "dynamodb" -> {
                for (WireOp op : wire) {
                    String unit = WireOp.READ.equals(op.kind()) ? DynamoDbBillingRules.RRU : DynamoDbBillingRules.WRU;
                    units.merge(unit, DynamoDbBillingRules.units(op, consistency), Double::sum);
                }
            }
            case "redis" -> {
                units.put(RedisBillingRules.OPS, (double) wire.size());
                units.put(RedisBillingRules.BYTES,
                        (double) (key.getBytes(StandardCharsets.UTF_8).length * (long) wire.size() + valueBytes));
            }
            default -> units.put(backend() + ".ops", (double) wire.size());
        }
        return units;
    }

    private void finish(String key, long startMicros, String op, long bytes, Map<String, Double> units,
                        String outcome) {
        clock.sleep(latency.sample(backend() + "." + op, bytes, key), LatencyPart.STATE_KV);
        long latencyMicros = Ttl.nowMicros(clock) - startMicros;
        sink.emit(new Event.StoreOp(startMicros, Scope.current(), backend(), op, bytes,
                Event.StoreOp.units(units), latencyMicros, outcome));
    }

    static String outcomeOf(RuntimeException e) {
        if (e instanceof LimitExceededException) {
            return "limit";
        }
        if (e instanceof VersionConflictException) {
            return "conflict";
        }
        return "error";
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
