package dev.fameharness.storage.metering;

/**
 * Redis (ElastiCache) usage: {@code redis.ops} counts commands sent (one per command; a Lua script sent with
 * EVALSHA is one command), {@code redis.bytes} counts key and value bytes moved in either direction.
 * ElastiCache Serverless bills ECPUs: a simple read or write consumes 1 ECPU per kilobyte transferred, so
 * {@code max(ops, ceil(bytes / 1024))} approximates ECPUs for single-key commands. Memory is billed per
 * GB-hour (node size or serverless data stored); its driver is the server's peak memory
 * ({@code INFO memory used_memory_peak}, see {@link dev.fameharness.storage.redis.RedisKeyValueStore#peakMemoryBytes()}).
 *
 * <p>Sources: Amazon ElastiCache pricing, "ElastiCache Serverless" (ECPU per KB transferred; GB-hour of data
 * stored), https://aws.amazon.com/elasticache/pricing/ ; figures in ../shared/CALIBRATION-SOURCES.md.
 */
public final class RedisBillingRules {

    public static final String OPS = "redis.ops";
    public static final String BYTES = "redis.bytes";

    private RedisBillingRules() {
    }

    /** ElastiCache Serverless ECPUs for {@code ops} single-key commands moving {@code bytes} in total. */
    public static long ecpus(long ops, long bytes) {
        return Math.max(ops, (bytes + 1023) / 1024);
    }
}
