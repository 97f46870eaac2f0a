package dev.fameharness.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.storage.AbstractKeyValueStoreIT;
import dev.fameharness.storage.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.fameharness.storage.metering.MeteredKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a real redis-server child process. */
class RedisKeyValueStoreIT extends AbstractKeyValueStoreIT {

    private static final ManualClock CLOCK = new ManualClock();
    private static RedisServer server;
    private static RedisKeyValueStore store;

    @BeforeAll
    static void startServer() {
        server = new RedisServer();
        server.start();
        System.out.println("[fame-storage] redis-server " + server.binary() + " started in " + server.startMillis()
                + " ms at " + server.endpoint());
        store = new RedisKeyValueStore(server.endpoint(), "contract:", CLOCK, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected KeyValueStore store() {
        return store;
    }

    @Override
    protected ManualClock clock() {
        return CLOCK;
    }

    @Test
    void should_report_peak_memory_and_start_time() {
        store.put(uniqueKey("memory"), new byte[100_000], null);
        assertThat(store.peakMemoryBytes()).isGreaterThanOrEqualTo(store.usedMemoryBytes()).isGreaterThan(100_000);
        assertThat(server.startMillis()).isPositive();
        assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void should_meter_one_op_per_command_with_bytes_moved() {
        List<Event> events = new CopyOnWriteArrayList<>();
        KeyValueStore metered = new MeteredKeyValueStore(store, CLOCK, LatencyModel.ZERO, events::add);
        String key = "meter-0123456789"; // 16 bytes
        metered.put(key, new byte[100], null);
        metered.get(key);
        metered.delete(key);
        assertThat(events).map(e -> ((Event.StoreOp) e).operation()).containsExactly("set", "get", "del");
        assertThat(events).map(e -> (java.util.Map<String, Double>) ((Event.StoreOp) e).units()).containsExactly(
                Map.of("redis.ops", 1.0, "redis.bytes", 116.0),
                Map.of("redis.ops", 1.0, "redis.bytes", 116.0),
                Map.of("redis.ops", 1.0, "redis.bytes", 16.0));
    }

    @Test
    void should_recover_when_server_flushed_its_script_cache() {
        String key = uniqueKey("noscript");
        store.put(key, new byte[] {1}, null);
        try (var client = io.lettuce.core.RedisClient.create(server.endpoint().toString());
             var connection = client.connect()) {
            connection.sync().scriptFlush();
        }
        assertThat(store.put(key, new byte[] {2}, null)).isEqualTo(2);
    }
}
