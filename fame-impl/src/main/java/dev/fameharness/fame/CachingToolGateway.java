package dev.fameharness.fame;

import dev.fameharness.strategies.state.CanonicalJson;
import dev.fameharness.strategies.state.Keys;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FAME's tool-response cache: responses of tools their server declares deterministic are kept in the object
 * store under a key derived from (server, tool, canonical arguments), with a TTL in the harness clock. A hit
 * returns the stored response without invoking the tool's function at all (no invocation, no tool latency;
 * only the object-store read). Errors are never cached. Every lookup is metered as a
 * {@link Event.CacheLookup}.
 */
public final class CachingToolGateway implements ToolGateway {

    static final String EXPIRES = "fame-expires-at-us";
    static final String ORIGINAL_BYTES = "fame-response-bytes";

    private final ToolGateway inner;
    private final ObjectStore cache;
    private final Duration ttl;
    private final Clock clock;
    private final EventSink events;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong expiries = new AtomicLong();
    private final AtomicLong savedBytes = new AtomicLong();

    public CachingToolGateway(ToolGateway inner, ObjectStore cache, Duration ttl, Clock clock, EventSink events) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, was " + ttl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public List<ToolDescriptor> tools() {
        return inner.tools();
    }

    /** The cache key of a call: argument order and whitespace do not change it. */
    public static String key(String server, String tool, String argumentsJson) {
        return "toolcache/" + Keys.hash(server, tool, CanonicalJson.canonical(argumentsJson));
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        if (!deterministic(server, tool)) {
            return inner.call(server, tool, argumentsJson);
        }
        String key = key(server, tool, argumentsJson);
        long at = clock.now().toNanos() / 1000;
        String outcome = "miss";
        var info = cache.head(key);
        if (info.isPresent()) {
            long expires = Long.parseLong(info.get().metadata().getOrDefault(EXPIRES, "0"));
            Optional<byte[]> cached = clock.now().toNanos() / 1000 < expires ? cache.get(key) : Optional.empty();
            if (cached.isPresent()) {
                long original = Long.parseLong(info.get().metadata().getOrDefault(ORIGINAL_BYTES, "0"));
                hits.incrementAndGet();
                savedBytes.addAndGet(original);
                events.emit(new Event.CacheLookup(at, Scope.current(), server, tool, "hit", cached.get().length, original));
                return new ToolResult(new String(cached.get(), StandardCharsets.UTF_8), false, 0, 0);
            }
            outcome = "expired";
        }
        ToolResult result = inner.call(server, tool, argumentsJson);
        if ("expired".equals(outcome)) {
            expiries.incrementAndGet();
        } else {
            misses.incrementAndGet();
        }
        byte[] content = result.content().getBytes(StandardCharsets.UTF_8);
        events.emit(new Event.CacheLookup(at, Scope.current(), server, tool, outcome, content.length, 0));
        if (!result.error()) {
            long expiresAt = (clock.now().plus(ttl)).toNanos() / 1000;
            cache.put(key, content, Map.of(EXPIRES, Long.toString(expiresAt),
                    ORIGINAL_BYTES, Long.toString(result.responseBytes())));
        }
        return result;
    }

    private boolean deterministic(String server, String tool) {
        return inner.tools().stream().anyMatch(t -> t.server().equals(server) && t.name().equals(tool) && t.deterministic());
    }

    public CacheStats stats() {
        return new CacheStats(hits.get(), misses.get(), expiries.get(), savedBytes.get());
    }

    /** Lookups so far; {@code savedBytes} counts tool-response bytes hits did not transfer. */
    public record CacheStats(long hits, long misses, long expiries, long savedBytes) {
    }
}
