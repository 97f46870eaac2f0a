package dev.fameharness.storage.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.storage.ManualClock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MeteredObjectStoreTest {

    private static final class MapObjects implements ObjectStore {
        final TreeMap<String, byte[]> data = new TreeMap<>();

        @Override
        public String backend() {
            return "s3";
        }

        @Override
        public String put(String key, byte[] bytes, Map<String, String> metadata) {
            data.put(key, bytes.clone());
            return "etag";
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(data.get(key)).map(byte[]::clone);
        }

        @Override
        public Optional<byte[]> getRange(String key, long offset, long length) {
            return get(key).map(b -> Arrays.copyOfRange(b, (int) Math.min(offset, b.length),
                    (int) Math.min(offset + length, b.length)));
        }

        @Override
        public Optional<ObjectInfo> head(String key) {
            return get(key).map(b -> new ObjectInfo(key, b.length, "etag", Map.of()));
        }

        @Override
        public void delete(String key) {
            data.remove(key);
        }

        @Override
        public List<ObjectInfo> list(String prefix) {
            return data.keySet().stream().filter(k -> k.startsWith(prefix))
                    .map(k -> new ObjectInfo(k, data.get(k).length, "etag", Map.of())).toList();
        }

        @Override
        public void close() {
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FixedLatency latency = new FixedLatency();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void should_bill_put_and_list_as_tier1_get_and_head_as_tier2_and_delete_free() {
        // given
        ObjectStore store = new MeteredObjectStore(new MapObjects(), clock, latency, sink);
        // when
        store.put("a", new byte[2048]);
        store.get("a");
        store.getRange("a", 0, 100);
        store.get("missing");
        store.head("a");
        store.list("");
        store.delete("a");
        // then
        assertThat(latency.sampled).containsExactly("s3.put:2048", "s3.get:2048", "s3.get:100", "s3.get:0",
                "s3.head:0", "s3.list:0", "s3.delete:0");
        assertThat(sink.events).extracting(Event.StoreOp::units).containsExactly(
                new TreeMap<>(Map.of("s3.tier1", 1.0, "s3.bytes_in", 2048.0)),
                new TreeMap<>(Map.of("s3.tier2", 1.0, "s3.bytes_out", 2048.0)),
                new TreeMap<>(Map.of("s3.tier2", 1.0, "s3.bytes_out", 100.0)),
                new TreeMap<>(Map.of("s3.tier2", 1.0, "s3.bytes_out", 0.0)),
                new TreeMap<>(Map.of("s3.tier2", 1.0)),
                new TreeMap<>(Map.of("s3.tier1", 1.0)),
                new TreeMap<>());
        assertThat(sink.events).extracting(Event.StoreOp::outcome)
                .containsExactly("ok", "ok", "ok", "absent", "ok", "ok", "ok");
    }

    @Test
    void should_count_one_list_request_per_1000_keys() {
        assertThat(S3BillingRules.listRequests(0)).isEqualTo(1);
        assertThat(S3BillingRules.listRequests(1000)).isEqualTo(1);
        assertThat(S3BillingRules.listRequests(1001)).isEqualTo(2);
    }
}
