package dev.fameharness.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link ObjectStore} contract, run unchanged against every implementation. A subclass starts its server
 * once (static, {@code @BeforeAll}) and returns the store. Every test works under its own key prefix.
 */
public abstract class AbstractObjectStoreIT {

    protected abstract ObjectStore store();

    protected static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID() + "/";
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void should_return_empty_when_object_is_absent() {
        String key = uniquePrefix("absent") + "nothing";
        assertThat(store().get(key)).isEmpty();
        assertThat(store().getRange(key, 0, 10)).isEmpty();
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    void should_round_trip_zero_byte_object() {
        String key = uniquePrefix("zero") + "empty";
        store().put(key, new byte[0]);
        assertThat(store().get(key)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store().head(key)).map(ObjectInfo::sizeBytes).contains(0L);
    }

    @Test
    void should_round_trip_8_mb_object_byte_exact() {
        // given
        String key = uniquePrefix("big") + "8mb.bin";
        byte[] data = randomBytes(8 * 1024 * 1024, 8);
        // when
        String etag = store().put(key, data);
        // then
        assertThat(etag).isNotBlank();
        byte[] back = store().get(key).orElseThrow();
        assertThat(back.length).isEqualTo(data.length);
        assertThat(Arrays.equals(back, data)).as("8 MB object is byte-identical").isTrue();
    }

    @Test
    void should_replace_object_when_put_twice() {
        String key = uniquePrefix("replace") + "doc";
        store().put(key, "first".getBytes(StandardCharsets.UTF_8));
        store().put(key, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(store().get(key)).hasValueSatisfying(b ->
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("second"));
    }

    @Test
    void should_return_requested_bytes_when_range_is_inside_object() {
        String key = uniquePrefix("range") + "inside";
        byte[] data = randomBytes(10_000, 1);
        store().put(key, data);
        assertThat(store().getRange(key, 100, 50)).hasValueSatisfying(b ->
                assertThat(b).isEqualTo(Arrays.copyOfRange(data, 100, 150)));
        assertThat(store().getRange(key, 0, 1)).hasValueSatisfying(b -> assertThat(b).containsExactly(data[0]));
    }

    @Test
    void should_return_fewer_bytes_when_range_runs_past_end() {
        String key = uniquePrefix("range") + "end";
        byte[] data = randomBytes(1000, 2);
        store().put(key, data);
        assertThat(store().getRange(key, 990, 10)).hasValueSatisfying(b ->
                assertThat(b).isEqualTo(Arrays.copyOfRange(data, 990, 1000)));
        assertThat(store().getRange(key, 995, 100)).hasValueSatisfying(b ->
                assertThat(b).isEqualTo(Arrays.copyOfRange(data, 995, 1000)));
    }

    @Test
    void should_return_no_bytes_when_range_starts_beyond_end() {
        String key = uniquePrefix("range") + "beyond";
        store().put(key, randomBytes(100, 3));
        assertThat(store().getRange(key, 100, 10)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store().getRange(key, 5000, 10)).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    @Test
    void should_return_size_etag_and_metadata_when_head() {
        // given
        String key = uniquePrefix("head") + "with-meta";
        Map<String, String> metadata = Map.of("content-kind", "paper", "source", "pmc");
        String etag = store().put(key, randomBytes(1234, 4), metadata);
        // when
        ObjectInfo info = store().head(key).orElseThrow();
        // then
        assertThat(info.key()).isEqualTo(key);
        assertThat(info.sizeBytes()).isEqualTo(1234);
        assertThat(info.etag()).isNotBlank().isEqualTo(etag.replace("\"", ""));
        assertThat(info.metadata()).isEqualTo(metadata);
    }

    @Test
    void should_list_objects_under_prefix_in_key_order() {
        // given
        String prefix = uniquePrefix("list");
        for (String name : List.of("c", "a", "b/2", "b/1")) {
            store().put(prefix + name, name.getBytes(StandardCharsets.UTF_8));
        }
        store().put(prefix.substring(0, prefix.length() - 1) + "-sibling", new byte[1]);
        // when
        List<ObjectInfo> listed = store().list(prefix);
        // then
        assertThat(listed).extracting(ObjectInfo::key)
                .containsExactly(prefix + "a", prefix + "b/1", prefix + "b/2", prefix + "c");
        assertThat(listed).extracting(ObjectInfo::sizeBytes).containsExactly(1L, 3L, 3L, 1L);
        assertThat(store().list(prefix + "b/")).hasSize(2);
        assertThat(store().list(uniquePrefix("empty"))).isEmpty();
    }

    @Test
    void should_delete_object_and_not_fail_when_absent() {
        String key = uniquePrefix("delete") + "doc";
        store().put(key, new byte[] {1, 2, 3});
        store().delete(key);
        assertThat(store().get(key)).isEmpty();
        assertThatCode(() -> store().delete(key)).doesNotThrowAnyException();
        assertThat(store().head(key)).isEmpty();
    }
}
