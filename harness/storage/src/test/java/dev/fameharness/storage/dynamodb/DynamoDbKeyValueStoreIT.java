package dev.fameharness.storage.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.ManualClock;
import dev.fameharness.storage.metering.MeteredKeyValueStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on DynamoDB Local (HTTP server mode, in this JVM), plus billing by real item sizes. */
class DynamoDbKeyValueStoreIT extends AbstractDynamoDbKeyValueStoreIT {

    private static final ManualClock CLOCK = new ManualClock();
    private static DynamoDbLocalServer server;
    private static DynamoDbKeyValueStore store;

    @BeforeAll
    static void startServer() {
        server = new DynamoDbLocalServer();
        server.start();
        System.out.println("[fame-storage] DynamoDB Local started in " + server.startMillis() + " ms at "
                + server.endpoint() + " (loopback only: " + server.boundToLoopbackOnly() + ")");
        BackendConfig config = BackendConfig.local(BackendConfig.DYNAMODB).withEndpoint(server.endpoint());
        store = new DynamoDbKeyValueStore(AwsClients.dynamoDb(config), "contract", CLOCK, true).createTableIfMissing();
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
    void should_listen_on_loopback_only_and_record_start_time() {
        assertThat(server.boundToLoopbackOnly()).isTrue();
        assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.startMillis()).isPositive();
    }

    @Test
    void should_bill_real_item_sizes_when_metered() {
        // given a metered store and a 1,010-byte value under a 20-byte key:
        // item = pk(2) + key(20) + v(1) + 1010 + ver(3) + number(2) = 1,038 bytes > 1 KB
        List<Event> events = new CopyOnWriteArrayList<>();
        KeyValueStore metered = new MeteredKeyValueStore(store, CLOCK, LatencyModel.ZERO, events::add);
        String key = "billing-key-00000000";
        metered.delete(key);
        events.clear();
        // when
        metered.put(key, new byte[1010], null);          // new item 1,038 B -> 2 WRU
        metered.put(key, new byte[10], null);            // larger of old (1,038) and new -> 2 WRU
        metered.get(key, Consistency.STRONG);            // 38 B -> 1 RRU
        metered.get(key, Consistency.EVENTUAL);          // 0.5 RRU
        try {
            metered.putIfVersion(key, new byte[10], 1, null); // rejected: existing item 38 B -> 1 WRU
        } catch (VersionConflictException expected) {
            // billed anyway
        }
        metered.delete(key);                             // deleted item 38 B -> 1 WRU
        metered.get(key, Consistency.STRONG);            // absent -> 1 RRU
        // then
        assertThat(events).map(e -> (java.util.Map<String, Double>) ((Event.StoreOp) e).units())
                .containsExactly(
                        java.util.Map.of("dynamodb.wru", 2.0),
                        java.util.Map.of("dynamodb.wru", 2.0),
                        java.util.Map.of("dynamodb.rru", 1.0),
                        java.util.Map.of("dynamodb.rru", 0.5),
                        java.util.Map.of("dynamodb.wru", 1.0),
                        java.util.Map.of("dynamodb.wru", 1.0),
                        java.util.Map.of("dynamodb.rru", 1.0));
        assertThat(events).map(e -> ((Event.StoreOp) e).outcome())
                .containsExactly("ok", "ok", "ok", "ok", "conflict", "ok", "absent");
    }
}
