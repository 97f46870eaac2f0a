package dev.fameharness.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@link KeyValueStore} contract, run unchanged against every implementation. A subclass starts its server
 * once (static, {@code @BeforeAll}) and returns the store and the {@link ManualClock} it was built with. Every
 * test uses its own keys, so tests share the server safely.
 */
public abstract class AbstractKeyValueStoreIT {

    /** The store under test (shared by the tests of the class). */
    protected abstract KeyValueStore store();

    /** The harness clock the store checks TTLs against. */
    protected abstract ManualClock clock();

    protected static String uniqueKey(String name) {
        return name + "-" + UUID.randomUUID();
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_return_empty_when_key_was_never_written() {
        assertThat(store().get(uniqueKey("absent"))).isEmpty();
        assertThat(store().get(uniqueKey("absent"), Consistency.EVENTUAL)).isEmpty();
    }

    @Test
    void should_return_value_and_version_1_when_put_then_get() {
        // given
        String key = uniqueKey("roundtrip");
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        // when
        long version = store().put(key, value, null);
        // then
        assertThat(version).isEqualTo(1);
        assertThat(store().get(key)).contains(new Versioned(value, 1));
        assertThat(store().get(key, Consistency.EVENTUAL)).contains(new Versioned(value, 1));
    }

    @Test
    void should_round_trip_empty_value_when_value_has_no_bytes() {
        String key = uniqueKey("empty");
        store().put(key, new byte[0], Duration.ZERO);
        assertThat(store().get(key)).contains(new Versioned(new byte[0], 1));
    }

    @Test
    void should_increment_version_when_put_repeatedly() {
        String key = uniqueKey("versions");
        assertThat(store().put(key, utf8("a"), null)).isEqualTo(1);
        assertThat(store().put(key, utf8("b"), null)).isEqualTo(2);
        assertThat(store().put(key, utf8("c"), null)).isEqualTo(3);
        assertThat(store().get(key)).contains(new Versioned(utf8("c"), 3));
    }

    @Test
    void should_create_version_1_when_put_if_version_0_and_key_absent() {
        String key = uniqueKey("create");
        assertThat(store().putIfVersion(key, utf8("first"), 0, null)).isEqualTo(1);
        assertThat(store().get(key)).contains(new Versioned(utf8("first"), 1));
    }

    @Test
    void should_write_next_version_when_expected_version_matches() {
        String key = uniqueKey("cas");
        store().put(key, utf8("v1"), null);
        assertThat(store().putIfVersion(key, utf8("v2"), 1, null)).isEqualTo(2);
        assertThat(store().putIfVersion(key, utf8("v3"), 2, null)).isEqualTo(3);
        assertThat(store().get(key)).contains(new Versioned(utf8("v3"), 3));
    }

    @Test
    void should_reject_with_version_conflict_when_expected_version_is_stale() {
        // given
        String key = uniqueKey("stale");
        store().put(key, utf8("v1"), null);
        store().put(key, utf8("v2"), null);
        // when / then
        assertThatThrownBy(() -> store().putIfVersion(key, utf8("lost"), 1, null))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> {
                    VersionConflictException conflict = (VersionConflictException) e;
                    assertThat(conflict.key()).isEqualTo(key);
                    assertThat(conflict.expectedVersion()).isEqualTo(1);
                });
        assertThat(store().get(key)).contains(new Versioned(utf8("v2"), 2));
    }

    @Test
    void should_reject_expected_version_0_when_key_exists() {
        String key = uniqueKey("exists");
        store().put(key, utf8("there"), null);
        assertThatThrownBy(() -> store().putIfVersion(key, utf8("again"), 0, null))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().get(key)).contains(new Versioned(utf8("there"), 1));
    }

    @Test
    void should_reject_expected_version_when_key_absent() {
        String key = uniqueKey("missing");
        assertThatThrownBy(() -> store().putIfVersion(key, utf8("x"), 3, null))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void should_make_key_absent_when_deleted_and_not_fail_when_deleted_again() {
        String key = uniqueKey("delete");
        store().put(key, utf8("gone soon"), null);
        store().delete(key);
        assertThat(store().get(key)).isEmpty();
        assertThatCode(() -> store().delete(key)).doesNotThrowAnyException();
        assertThatCode(() -> store().delete(uniqueKey("never"))).doesNotThrowAnyException();
        assertThat(store().put(key, utf8("back"), null)).isEqualTo(1);
    }

    @Test
    void should_hide_item_when_clock_passes_its_ttl() {
        // given
        String key = uniqueKey("ttl");
        store().put(key, utf8("short-lived"), Duration.ofSeconds(10));
        // when the harness clock is just before the expiry
        clock().advance(Duration.ofSeconds(10).minusNanos(1000));
        // then it is still there
        assertThat(store().get(key)).map(Versioned::version).contains(1L);
        // when the harness clock reaches the expiry
        clock().advance(Duration.ofNanos(1000));
        // then it is absent, and may be created again from version 1
        assertThat(store().get(key)).isEmpty();
        assertThatThrownBy(() -> store().putIfVersion(key, utf8("stale"), 1, null))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().putIfVersion(key, utf8("reborn"), 0, null)).isEqualTo(1);
        assertThat(store().get(key)).contains(new Versioned(utf8("reborn"), 1));
    }

    @Test
    void should_restart_versions_when_unconditional_put_follows_expiry() {
        String key = uniqueKey("ttl-put");
        store().put(key, utf8("a"), Duration.ofSeconds(1));
        store().put(key, utf8("b"), Duration.ofSeconds(1));
        clock().advance(Duration.ofSeconds(2));
        assertThat(store().put(key, utf8("c"), null)).isEqualTo(1);
        clock().advance(Duration.ofDays(365));
        assertThat(store().get(key)).contains(new Versioned(utf8("c"), 1));
    }

    @Test
    void should_lose_no_increment_when_threads_race_with_put_if_version() throws Exception {
        // given a counter and 4 threads doing read-modify-putIfVersion loops
        String key = uniqueKey("counter");
        store().putIfVersion(key, utf8("0"), 0, null);
        int threads = 4;
        int incrementsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> conflicts = new ArrayList<>();
        // when
        try {
            for (int t = 0; t < threads; t++) {
                conflicts.add(pool.submit(() -> {
                    int lost = 0;
                    for (int i = 0; i < incrementsPerThread; i++) {
                        while (true) {
                            Versioned current = store().get(key).orElseThrow();
                            long next = Long.parseLong(new String(current.value(), StandardCharsets.UTF_8)) + 1;
                            try {
                                store().putIfVersion(key, utf8(Long.toString(next)), current.version(), null);
                                break;
                            } catch (VersionConflictException e) {
                                lost++;
                            }
                        }
                    }
                    return lost;
                }));
            }
            for (Future<Integer> f : conflicts) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // then
        int total = threads * incrementsPerThread;
        Optional<Versioned> last = store().get(key);
        assertThat(last).isPresent();
        assertThat(new String(last.get().value(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(total));
        assertThat(last.get().version()).isEqualTo(total + 1L);
    }
}
