package dev.fameharness.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.s3.S3ObjectStore;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key-value semantics on a real S3 API (S3Proxy, started once for the class). */
class ObjectKeyValueStoreIT {

    private static S3ProxyServer server;
    private static ObjectStore objects;
    private static ObjectKeyValueStore kv;

    @BeforeAll
    static void start() {
        server = new S3ProxyServer();
        server.start();
        BackendConfig config = BackendConfig.local(BackendConfig.S3).withEndpoint(server.endpoint())
                .withCredentials(server.accessKey(), server.secretKey());
        objects = new S3ObjectStore(AwsClients.s3(config), "object-kv", true).createBucketIfMissing();
        kv = new ObjectKeyValueStore(objects);
    }

    @AfterAll
    static void stop() {
        if (kv != null) {
            kv.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String key() {
        return "kv/" + UUID.randomUUID();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_round_trip_values_and_count_versions_when_put_repeatedly() {
        // given
        String key = key();

        // when / then
        assertThat(kv.get(key)).isEmpty();
        assertThat(kv.put(key, utf8("one"), null)).isEqualTo(1);
        assertThat(kv.get(key)).contains(new Versioned(utf8("one"), 1));
        assertThat(kv.put(key, utf8("two"), null)).isEqualTo(2);
        assertThat(kv.get(key)).contains(new Versioned(utf8("two"), 2));
        assertThat(objects.head(key)).hasValueSatisfying(info ->
                assertThat(info.metadata()).containsEntry(ObjectKeyValueStore.VERSION, "2"));
        assertThat(kv.backend()).isEqualTo("s3");
    }

    @Test
    void should_round_trip_binary_value_byte_exact() {
        String key = key();
        byte[] value = new byte[70_000];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 7);
        }

        kv.put(key, value, null);

        assertThat(kv.get(key)).hasValueSatisfying(v -> assertThat(v.value()).isEqualTo(value));
    }

    @Test
    void should_put_only_when_stored_version_matches_expected_version() {
        // given a key at version 1
        String key = key();
        assertThat(kv.putIfVersion(key, utf8("v1"), 0, null)).isEqualTo(1);

        // when / then a matching version wins, a stale one and a "must not exist" conflict
        assertThat(kv.putIfVersion(key, utf8("v2"), 1, null)).isEqualTo(2);
        assertThatThrownBy(() -> kv.putIfVersion(key, utf8("stale"), 1, null))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("version 2");
                });
        assertThatThrownBy(() -> kv.putIfVersion(key, utf8("new"), 0, null))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> kv.putIfVersion(key(), utf8("absent"), 3, null))
                .isInstanceOf(VersionConflictException.class);
        assertThat(kv.get(key)).contains(new Versioned(utf8("v2"), 2));
    }

    @Test
    void should_forget_key_when_deleted_and_start_again_at_version_one() {
        String key = key();
        kv.put(key, utf8("x"), null);
        kv.put(key, utf8("y"), null);

        kv.delete(key);
        kv.delete(key);

        assertThat(kv.get(key)).isEmpty();
        assertThat(kv.putIfVersion(key, utf8("z"), 0, null)).isEqualTo(1);
    }
}
