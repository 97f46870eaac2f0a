package dev.fameharness.llm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model provider's automatic prompt-prefix cache, as OpenAI documents it for gpt-4o and newer: prompts of
 * {@code minTokens} (1,024) tokens or more are cached; a later prompt is served from the cache up to the longest
 * exact prefix match, counted in blocks of {@code incrementTokens} (128: 1,024, 1,152, 1,280, ...); a cached
 * prefix lives {@code lifetime} after its last use (OpenAI: 5-10 minutes of inactivity, up to an hour off-peak).
 * Keyed by model and the exact token prefix; time is the harness clock's, so the cache is deterministic in virtual
 * time. Not modeled: routing of a prefix to machines (a prefix hit more than ~15 times a minute may overflow to a
 * cold machine) and eviction under memory pressure. Thread-safe.
 */
public final class PromptCache {

    private record Key(String model, int length, long h1, long h2) {
    }

    private final int minTokens;
    private final int incrementTokens;
    private final Duration lifetime;
    private final Map<Key, Duration> lastUsed = new HashMap<>();
    private Duration lastPurge = Duration.ZERO;

    public PromptCache(int minTokens, int incrementTokens, Duration lifetime) {
        if (minTokens <= 0 || incrementTokens <= 0) {
            throw new IllegalArgumentException("minTokens and incrementTokens must be > 0, were " + minTokens + ", "
                    + incrementTokens);
        }
        this.minTokens = minTokens;
        this.incrementTokens = incrementTokens;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * Serves a prompt sent at {@code now}: returns how many of its leading tokens come from the cache (0, or a
     * cached block boundary), then caches (or refreshes) every block boundary of the prompt.
     */
    public synchronized int serve(String model, int[] tokens, Duration now) {
        if (tokens.length < minTokens) {
            return 0;
        }
        purgeExpired(now);
        int cached = 0;
        long h1 = 0x9e3779b97f4a7c15L;
        long h2 = 0xc2b2ae3d27d4eb4fL;
        int boundary = minTokens;
        for (int i = 0; i < tokens.length && boundary <= tokens.length; i++) {
            h1 = (h1 ^ tokens[i]) * 0x100000001b3L;
            h2 = Long.rotateLeft(h2 + tokens[i] * 0x9e3779b97f4a7c15L, 31) * 0xbf58476d1ce4e5b9L;
            if (i + 1 == boundary) {
                Key key = new Key(model, boundary, h1, h2);
                Duration used = lastUsed.get(key);
                if (used != null && now.minus(used).compareTo(lifetime) <= 0) {
                    cached = boundary;
                }
                lastUsed.put(key, now);
                boundary += incrementTokens;
            }
        }
        return cached;
    }

    /** Drops expired prefixes, at most once per lifetime, so the map stays as small as the live cache. */
    private void purgeExpired(Duration now) {
        if (now.minus(lastPurge).compareTo(lifetime) < 0) {
            return;
        }
        lastPurge = now;
        lastUsed.values().removeIf(used -> now.minus(used).compareTo(lifetime) > 0);
    }
}
