package dev.fameharness.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.strategies.state.KeyValueValueStore;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.storage.Backend;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.Backends;
import dev.fameharness.storage.ManualClock;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The single-dynamodb baselines' value store on DynamoDB Local: the 400 KB item limit, and chunking around it. */
class KeyValueValueStoreDynamoDbIT {

    private static final int CHUNK_BYTES = 358_400;
    private static Backend<KeyValueStore> backend;

    @BeforeAll
    static void start() {
        backend = Backends.keyValueStore(BackendConfig.local(BackendConfig.DYNAMODB).withName("values-it"),
                new ManualClock());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void should_fail_with_item_size_limit_when_500_kb_value_is_not_chunked() {
        // given
        KeyValueValueStore values = new KeyValueValueStore(backend.store(), 0, null);

        // when / then
        assertThatThrownBy(() -> values.put("artifacts/" + UUID.randomUUID(), random(500_000)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo("dynamodb.item_size");
                    assertThat(e.actual()).isGreaterThan(e.maximum());
                });
    }

    @Test
    void should_round_trip_500_kb_value_byte_exact_when_chunked() {
        // given
        KeyValueValueStore values = new KeyValueValueStore(backend.store(), CHUNK_BYTES, null);
        byte[] value = random(500_000);
        String key = "artifacts/" + UUID.randomUUID();

        // when
        String ref = values.put(key, value);

        // then two chunk items plus a manifest, read back whole and by a range across the chunk boundary
        assertThat(ref).isEqualTo("kv://" + key);
        assertThat(values.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        assertThat(values.getRange(ref, CHUNK_BYTES - 10, 20)).hasValueSatisfying(v ->
                assertThat(v).isEqualTo(Arrays.copyOfRange(value, CHUNK_BYTES - 10, CHUNK_BYTES + 10)));
        assertThat(backend.store().get(key + "#0")).hasValueSatisfying(c -> assertThat(c.sizeBytes()).isEqualTo(CHUNK_BYTES));
        assertThat(backend.store().get(key + "#1")).hasValueSatisfying(c ->
                assertThat(c.sizeBytes()).isEqualTo(500_000 - CHUNK_BYTES));
        assertThat(backend.store().get(key + "#2")).isEmpty();
    }

    @Test
    void should_store_small_value_in_one_item_when_chunking_is_on() {
        KeyValueValueStore values = new KeyValueValueStore(backend.store(), CHUNK_BYTES, null);
        byte[] value = random(1_000);
        String key = "state/" + UUID.randomUUID();

        String ref = values.put(key, value);

        assertThat(values.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        assertThat(backend.store().get(key + "#0")).isEmpty();
    }

    @Test
    void should_return_value_verbatim_when_it_merely_starts_like_a_chunk_manifest() {
        // given a small value whose text begins with the manifest marker
        KeyValueValueStore values = new KeyValueValueStore(backend.store(), CHUNK_BYTES, null);
        byte[] value = "chunks: three of them, as the paper says".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // when
        String ref = values.put("artifacts/" + UUID.randomUUID(), value);

        // then
        assertThat(values.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void should_return_value_verbatim_when_it_is_exactly_a_manifest_text() {
        KeyValueValueStore values = new KeyValueValueStore(backend.store(), CHUNK_BYTES, null);
        byte[] value = "chunks:2".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String ref = values.put("artifacts/" + UUID.randomUUID(), value);

        assertThat(values.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        assertThat(new KeyValueValueStore(backend.store(), 0, null).get(ref)).hasValueSatisfying(raw ->
                assertThat(new String(raw, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("chunks:1"));
    }
}
