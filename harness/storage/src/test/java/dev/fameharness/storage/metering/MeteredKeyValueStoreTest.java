package dev.fameharness.storage.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.api.time.Scope;
import dev.fameharness.storage.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredKeyValueStoreTest {

    /** A minimal in-memory store (not receipting), named like a real back end. */
    private static final class MapStore implements KeyValueStore {
        private final String backend;
        private final Map<String, Versioned> data = new HashMap<>();

        MapStore(String backend) {
            this.backend = backend;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public Optional<Versioned> get(String key, Consistency consistency) {
            return Optional.ofNullable(data.get(key));
        }

        @Override
        public long put(String key, byte[] value, Duration ttl) {
            if (value.length > 2000) {
                throw new LimitExceededException("test.item_size", 2000, value.length, "too big");
            }
            long version = data.containsKey(key) ? data.get(key).version() + 1 : 1;
            data.put(key, new Versioned(value, version));
            return version;
        }

        @Override
        public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
            long have = data.containsKey(key) ? data.get(key).version() : 0;
            if (have != expectedVersion) {
                throw new VersionConflictException(key, expectedVersion, "conflict");
            }
            return put(key, value, ttl);
        }

        @Override
        public void delete(String key) {
            data.remove(key);
        }

        @Override
        public void close() {
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FixedLatency latency = new FixedLatency();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void should_record_dynamodb_item_bytes_plus_100_bytes_overhead_held_until_deleted_for_the_writing_turn() {
        StorageMeter storage = new StorageMeter();
        KeyValueStore store = new MeteredKeyValueStore(new MapStore("dynamodb"), clock, latency, sink, storage);

        try (Scope ignored = Scope.with(new Tags("fame", "s1", "t1", "planner"))) {
            store.put("k", new byte[900], null); // at 0 ms, takes 2 ms
            store.delete("k");                   // at 2 ms
        }

        assertThat(storage.byteMicros(10_000).get("t1"))
                .containsExactlyEntriesOf(Map.of("dynamodb", (900.0 + 100) * 2000));
    }

    @Test
    void should_emit_one_event_per_operation_with_tags_time_latency_and_outcome() {
        // given
        KeyValueStore store = new MeteredKeyValueStore(new MapStore("dynamodb"), clock, latency, sink);
        Tags tags = new Tags("fame", "s1", "t1", "planner");
        // when
        try (Scope ignored = Scope.with(tags)) {
            store.put("k", new byte[1500], null);
            store.get("k");
            store.get("missing", Consistency.EVENTUAL);
            assertThatThrownBy(() -> store.putIfVersion("k", new byte[1], 5, null))
                    .isInstanceOf(VersionConflictException.class);
            assertThatThrownBy(() -> store.put("k", new byte[3000], null)).isInstanceOf(LimitExceededException.class);
            store.delete("k");
        }
        // then
        assertThat(latency.sampled).containsExactly("dynamodb.put:1500", "dynamodb.get:1500", "dynamodb.get:0",
                "dynamodb.put:1", "dynamodb.put:3000", "dynamodb.delete:0");
        assertThat(sink.events).extracting(Event.StoreOp::outcome)
                .containsExactly("ok", "ok", "absent", "conflict", "limit", "ok");
        assertThat(sink.events).allSatisfy(e -> {
            assertThat(e.tags()).isEqualTo(tags);
            assertThat(e.backend()).isEqualTo("dynamodb");
        });
        Event.StoreOp first = sink.events.get(0);
        assertThat(first.atMicros()).isZero();
        assertThat(first.latencyMicros()).isEqualTo(3000); // 1 ms + 2 started KB
        assertThat(sink.events.get(1).atMicros()).isEqualTo(3000);
        assertThat(first.units()).containsExactlyEntriesOf(Map.of("dynamodb.wru", 2.0));
        assertThat(sink.events.get(1).units()).containsExactlyEntriesOf(Map.of("dynamodb.rru", 1.0));
        assertThat(sink.events.get(2).units()).containsExactlyEntriesOf(Map.of("dynamodb.rru", 0.5));
        assertThat(sink.events.get(3).units()).containsExactlyEntriesOf(Map.of("dynamodb.wru", 1.0));
        assertThat(sink.events.get(4).units()).isEmpty();
        assertThat(sink.events.get(5).units()).containsExactlyEntriesOf(Map.of("dynamodb.wru", 1.0));
        assertThat(clock.now()).isEqualTo(Duration.ofMillis(3 + 3 + 1 + 2 + 4 + 1));
    }

    @Test
    void should_name_redis_operations_set_get_del_and_count_ops_and_bytes() {
        KeyValueStore store = new MeteredKeyValueStore(new MapStore("redis"), clock, latency, sink);
        store.put("key", new byte[10], null);
        store.get("key");
        store.delete("key");
        assertThat(latency.sampled).containsExactly("redis.set:10", "redis.get:10", "redis.del:0");
        assertThat(sink.events).extracting(Event.StoreOp::operation).containsExactly("set", "get", "del");
        assertThat(sink.events.get(0).units()).containsExactlyInAnyOrderEntriesOf(Map.of("redis.bytes", 13.0, "redis.ops", 1.0));
        assertThat(sink.events.get(2).units()).containsExactlyInAnyOrderEntriesOf(Map.of("redis.bytes", 3.0, "redis.ops", 1.0));
    }

    @Test
    void should_behave_like_the_delegate_when_metered() {
        KeyValueStore store = new MeteredKeyValueStore(new MapStore("dynamodb"), clock, latency, sink);
        assertThat(store.putIfVersion("x", new byte[] {1}, 0, null)).isEqualTo(1);
        assertThat(store.putIfVersion("x", new byte[] {2}, 1, null)).isEqualTo(2);
        assertThat(store.get("x")).contains(new Versioned(new byte[] {2}, 2));
        assertThat(store.backend()).isEqualTo("dynamodb");
    }
}
