package dev.fameharness.fame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.agent.state.ValueStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TieredValueStoreTest {

    /** An in-memory tier whose references use its scheme. */
    private static final class MapTier implements ValueStore {
        final String scheme;
        final Map<String, byte[]> values = new TreeMap<>();

        MapTier(String scheme) {
            this.scheme = scheme;
        }

        @Override
        public String put(String key, byte[] bytes) {
            values.put(scheme + "://" + key, bytes.clone());
            return scheme + "://" + key;
        }

        @Override
        public Optional<byte[]> get(String ref) {
            return Optional.ofNullable(values.get(ref));
        }

        @Override
        public Optional<byte[]> getRange(String ref, long offset, long length) {
            return get(ref).map(v -> Arrays.copyOfRange(v, (int) offset, (int) Math.min(v.length, offset + length)));
        }
    }

    private final MapTier kv = new MapTier("kv");
    private final MapTier s3 = new MapTier("s3");
    private final TieredValueStore tiered = new TieredValueStore(kv, s3, 16_384);

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void should_put_value_in_kv_tier_when_size_equals_threshold() {
        byte[] value = bytes(16_384, 1);

        String ref = tiered.put("state/a", value);

        assertThat(ref).isEqualTo("kv://state/a");
        assertThat(kv.values).containsOnlyKeys("kv://state/a");
        assertThat(s3.values).isEmpty();
        assertThat(tiered.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        assertThat(tiered.tierFor(16_384)).isEqualTo("kv");
    }

    @Test
    void should_put_value_in_object_tier_when_size_is_one_byte_over_threshold() {
        byte[] value = bytes(16_385, 2);

        String ref = tiered.put("state/b", value);

        assertThat(ref).isEqualTo("s3://state/b");
        assertThat(s3.values).containsOnlyKeys("s3://state/b");
        assertThat(kv.values).isEmpty();
        assertThat(tiered.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        assertThat(tiered.getRange(ref, 16_000, 1_000)).hasValueSatisfying(v ->
                assertThat(v).isEqualTo(Arrays.copyOfRange(value, 16_000, 16_385)));
        assertThat(tiered.tierFor(16_385)).isEqualTo("s3");
    }

    @Test
    void should_read_both_tiers_back_when_values_straddle_the_threshold() {
        byte[] small = bytes(10, 3);
        byte[] large = bytes(20_000, 4);

        String smallRef = tiered.put("x/small", small);
        String largeRef = tiered.put("x/large", large);

        assertThat(tiered.get(smallRef)).hasValueSatisfying(v -> assertThat(v).isEqualTo(small));
        assertThat(tiered.get(largeRef)).hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
        assertThat(tiered.getRange(smallRef, 2, 3)).hasValueSatisfying(v ->
                assertThat(v).isEqualTo(Arrays.copyOfRange(small, 2, 5)));
        assertThat(tiered.get("kv://x/absent")).isEmpty();
    }

    @Test
    void should_reject_reference_when_scheme_is_unknown_and_threshold_when_negative() {
        assertThatThrownBy(() -> tiered.get("redis://x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://x");
        assertThatThrownBy(() -> new TieredValueStore(kv, s3, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
