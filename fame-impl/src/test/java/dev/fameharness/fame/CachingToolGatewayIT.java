package dev.fameharness.fame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.ManualClock;
import dev.fameharness.storage.s3.S3ObjectStore;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool-response cache on a real S3 API (S3Proxy, started once); each test has its own bucket. */
class CachingToolGatewayIT {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static S3ProxyServer server;

    private final ManualClock clock = new ManualClock();
    private final EventLog events = new EventLog();
    private final CountingToolGateway inner = new CountingToolGateway();
    private ObjectStore store;
    private CachingToolGateway cache;

    @BeforeAll
    static void startServer() {
        server = new S3ProxyServer();
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBucket() {
        BackendConfig config = BackendConfig.local(BackendConfig.S3).withEndpoint(server.endpoint())
                .withCredentials(server.accessKey(), server.secretKey());
        store = new S3ObjectStore(AwsClients.s3(config), "cache-" + UUID.randomUUID(), true).createBucketIfMissing();
        cache = new CachingToolGateway(inner, store, TTL, clock, events);
    }

    @AfterEach
    void closeBucket() {
        store.close();
    }

    private java.util.List<Event.CacheLookup> lookups() {
        return events.events(Event.CacheLookup.class);
    }

    @Test
    void should_serve_second_call_from_cache_without_calling_the_tool_when_arguments_repeat() {
        // given
        String args = "{\"paper_id\":\"P1\"}";

        // when
        ToolResult first = cache.call(CountingToolGateway.SERVER, "fetch", args);
        clock.advance(Duration.ofMinutes(1));
        ToolResult second = cache.call(CountingToolGateway.SERVER, "fetch", args);

        // then the tool ran once, the hit returned its response, and both lookups were metered
        assertThat(inner.calls).hasSize(1);
        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.error()).isFalse();
        assertThat(second.requestBytes()).isZero();
        assertThat(second.responseBytes()).isZero();
        assertThat(lookups()).extracting(Event.CacheLookup::result).containsExactly("miss", "hit");
        Event.CacheLookup hit = lookups().get(1);
        assertThat(hit.savedBytes()).isEqualTo(first.responseBytes());
        assertThat(hit.bytes()).isEqualTo(first.content().length());
        assertThat(hit.atMicros()).isEqualTo(60_000_000L);
        assertThat(hit.server()).isEqualTo(CountingToolGateway.SERVER);
        assertThat(hit.tool()).isEqualTo("fetch");
        assertThat(cache.stats()).isEqualTo(new CachingToolGateway.CacheStats(1, 1, 0, first.responseBytes()));
        assertThat(store.list("toolcache/")).hasSize(1);
    }

    @Test
    void should_hit_when_arguments_differ_only_in_key_order_and_whitespace() {
        // given
        String a = "{\"paper_id\":\"P1\",\"section\":2}";
        String b = " {\n  \"section\" : 2,\n  \"paper_id\" : \"P1\" } ";

        // when
        cache.call(CountingToolGateway.SERVER, "fetch", a);
        cache.call(CountingToolGateway.SERVER, "fetch", b);

        // then
        assertThat(CachingToolGateway.key(CountingToolGateway.SERVER, "fetch", a))
                .isEqualTo(CachingToolGateway.key(CountingToolGateway.SERVER, "fetch", b));
        assertThat(inner.calls).hasSize(1);
        assertThat(lookups()).extracting(Event.CacheLookup::result).containsExactly("miss", "hit");
    }

    @Test
    void should_miss_when_arguments_tool_or_server_differ() {
        assertThat(CachingToolGateway.key("papers", "fetch", "{\"paper_id\":\"P1\"}"))
                .isNotEqualTo(CachingToolGateway.key("papers", "fetch", "{\"paper_id\":\"P2\"}"))
                .isNotEqualTo(CachingToolGateway.key("papers", "get", "{\"paper_id\":\"P1\"}"))
                .isNotEqualTo(CachingToolGateway.key("other", "fetch", "{\"paper_id\":\"P1\"}"));

        cache.call(CountingToolGateway.SERVER, "fetch", "{\"paper_id\":\"P1\"}");
        cache.call(CountingToolGateway.SERVER, "fetch", "{\"paper_id\":\"P2\"}");

        assertThat(inner.calls).hasSize(2);
        assertThat(lookups()).extracting(Event.CacheLookup::result).containsExactly("miss", "miss");
    }

    @Test
    void should_call_the_tool_again_when_the_entry_is_past_its_ttl() {
        // given a cached response
        String args = "{\"paper_id\":\"P1\"}";
        cache.call(CountingToolGateway.SERVER, "fetch", args);

        // when the clock reaches the expiry (TTL after the put), then one more call after the refresh
        clock.advance(TTL.minusNanos(1_000));
        ToolResult justBefore = cache.call(CountingToolGateway.SERVER, "fetch", args);
        clock.advance(Duration.ofNanos(1_000));
        ToolResult expired = cache.call(CountingToolGateway.SERVER, "fetch", args);
        ToolResult refreshed = cache.call(CountingToolGateway.SERVER, "fetch", args);

        // then the expired lookup called the tool and re-cached its fresh response
        assertThat(lookups()).extracting(Event.CacheLookup::result).containsExactly("miss", "hit", "expired", "hit");
        assertThat(inner.calls).hasSize(2);
        assertThat(justBefore.content()).contains("#1");
        assertThat(expired.content()).contains("#2");
        assertThat(refreshed.content()).isEqualTo(expired.content());
        assertThat(cache.stats().expiries()).isEqualTo(1);
    }

    @Test
    void should_never_cache_when_tool_is_not_deterministic() {
        cache.call(CountingToolGateway.SERVER, "now", "{}");
        cache.call(CountingToolGateway.SERVER, "now", "{}");

        assertThat(inner.calls).hasSize(2);
        assertThat(lookups()).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void should_never_cache_when_tool_returns_an_error() {
        ToolResult first = cache.call(CountingToolGateway.SERVER, "broken", "{}");
        ToolResult second = cache.call(CountingToolGateway.SERVER, "broken", "{}");

        assertThat(first.error()).isTrue();
        assertThat(second.error()).isTrue();
        assertThat(inner.calls).hasSize(2);
        assertThat(lookups()).extracting(Event.CacheLookup::result).containsExactly("miss", "miss");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void should_reject_ttl_when_not_positive() {
        assertThatThrownBy(() -> new CachingToolGateway(inner, store, Duration.ZERO, clock, events))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }
}
