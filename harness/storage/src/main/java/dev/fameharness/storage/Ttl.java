package dev.fameharness.storage;

import dev.fameharness.api.time.Clock;
import java.time.Duration;

/**
 * TTL arithmetic on the harness clock. Expiries are stored with the item as harness-clock microseconds, so
 * expiry is deterministic in virtual mode; {@code 0} means "never expires". An item is expired once
 * {@code now >= expiry}.
 */
public final class Ttl {

    public static final long NEVER = 0;

    private Ttl() {
    }

    /** The expiry (harness micros) of an item written now with {@code ttl}; {@link #NEVER} for null/zero. */
    public static long expiryMicros(Clock clock, Duration ttl) {
        if (ttl == null || ttl.isZero()) {
            return NEVER;
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be >= 0, was " + ttl);
        }
        return nowMicros(clock) + Math.max(1, micros(ttl));
    }

    public static boolean isExpired(long expiryMicros, long nowMicros) {
        return expiryMicros != NEVER && nowMicros >= expiryMicros;
    }

    public static long nowMicros(Clock clock) {
        return micros(clock.now());
    }

    public static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }
}
