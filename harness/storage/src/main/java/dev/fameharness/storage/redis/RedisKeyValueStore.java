package dev.fameharness.storage.redis;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.api.time.Clock;
import dev.fameharness.storage.KvReceipt;
import dev.fameharness.storage.ReceiptingKeyValueStore;
import dev.fameharness.storage.Ttl;
import dev.fameharness.storage.WireOp;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link dev.fameharness.api.store.KeyValueStore} on Redis (redis-server, ElastiCache, Valkey) through Lettuce.
 *
 * <p>Layout: one hash per key ({@code prefix + key}) with fields {@code v} (the value bytes), {@code ver} (the
 * version, from 1) and, for items with a TTL, {@code exp} (expiry in harness-clock microseconds). A get is one
 * {@code HMGET}; every put is one {@code EVALSHA} of a Lua script that checks the version (an expired item
 * counts as absent) and writes atomically; a delete is one {@code DEL}.
 *
 * <p>TTL: checked against the harness {@link Clock} only. No {@code PEXPIRE} is set: Redis expires by its own
 * wall clock, which would make virtual-mode runs depend on how fast this machine is. Expired hashes stay until
 * overwritten or deleted.
 *
 * <p>Errors: lost connections and timeouts throw {@link RetriableException} with code
 * {@code RedisConnectionLost} or {@code RedisCommandTimeout}; the client rejects commands while disconnected
 * instead of queueing them, so the harness sees (and retries) the failure.
 */
public final class RedisKeyValueStore implements ReceiptingKeyValueStore {

    public static final String BACKEND = "redis";

    /**
     * KEYS[1] key; ARGV: value, expected version (-1 unconditional), now micros, expiry micros (0 = none).
     * Returns {newVersion or -1 when rejected, version found (0 = absent or expired), old value length or -1}.
     */
    static final String PUT_SCRIPT = String.join("\n",
            "local cur = redis.call('HMGET', KEYS[1], 'ver', 'exp')",
            "local ver = tonumber(cur[1])",
            "local exp = tonumber(cur[2])",
            "local now = tonumber(ARGV[3])",
            "if ver and exp and exp > 0 and exp <= now then ver = nil end",
            "local oldlen = -1",
            "if cur[1] then oldlen = redis.call('HSTRLEN', KEYS[1], 'v') end",
            "local have = ver or 0",
            "local expected = tonumber(ARGV[2])",
            "if expected >= 0 and have ~= expected then return {-1, have, oldlen} end",
            "local new = have + 1",
            "redis.call('HSET', KEYS[1], 'v', ARGV[1], 'ver', new)",
            "if tonumber(ARGV[4]) > 0 then redis.call('HSET', KEYS[1], 'exp', ARGV[4])",
            "else redis.call('HDEL', KEYS[1], 'exp') end",
            "return {new, have, oldlen}");

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> commands;
    private final String prefix;
    private final Clock clock;
    private final String endpoint;
    private volatile String putSha;

    /**
     * Connects to {@code endpoint} ({@code redis://host:port}, optionally with user info and database).
     *
     * @param prefix prepended to every key (lets several stores share one server)
     */
    public RedisKeyValueStore(URI endpoint, String prefix, Clock clock, Duration commandTimeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.endpoint = endpoint.toString();
        RedisURI uri = RedisURI.create(endpoint);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        try {
            this.connection = client.connect(CODEC);
        } catch (RuntimeException e) {
            client.shutdown();
            throw translate(e, "connect", "");
        }
        this.commands = connection.sync();
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public KvReceipt read(String key, Consistency consistency) {
        requireKey(key);
        List<io.lettuce.core.KeyValue<String, byte[]>> fields;
        try {
            fields = commands.hmget(prefix + key, "v", "ver", "exp");
        } catch (RuntimeException e) {
            throw translate(e, "get", key);
        }
        byte[] value = fields.get(0).getValueOrElse(null);
        byte[] version = fields.get(1).getValueOrElse(null);
        byte[] expiry = fields.get(2).getValueOrElse(null);
        if (value == null || version == null) {
            return KvReceipt.read(Optional.empty(), WireOp.read(-1));
        }
        WireOp op = WireOp.read(value.length);
        if (expiry != null && Ttl.isExpired(Long.parseLong(ascii(expiry)), Ttl.nowMicros(clock))) {
            return KvReceipt.read(Optional.empty(), op);
        }
        return KvReceipt.read(Optional.of(new Versioned(value, Long.parseLong(ascii(version)))), op);
    }

    @Override
    public KvReceipt write(String key, byte[] value, long expectedVersion, Duration ttl) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (expectedVersion < UNCONDITIONAL) {
            throw new IllegalArgumentException("expectedVersion must be -1 (unconditional) or >= 0, was " + expectedVersion);
        }
        long now = Ttl.nowMicros(clock);
        long expiry = Ttl.expiryMicros(clock, ttl);
        byte[][] args = {value, bytes(expectedVersion), bytes(now), bytes(expiry)};
        List<Object> result;
        try {
            result = evalPut(prefix + key, args);
        } catch (RuntimeException e) {
            throw translate(e, "put", key);
        }
        long newVersion = (Long) result.get(0);
        long found = (Long) result.get(1);
        long oldLength = (Long) result.get(2);
        if (newVersion < 0) {
            return KvReceipt.rejected(found, List.of(WireOp.write(oldLength, value.length, false)));
        }
        return KvReceipt.written(newVersion, List.of(WireOp.write(oldLength, value.length, true)));
    }

    private List<Object> evalPut(String key, byte[][] args) {
        String sha = putSha;
        if (sha == null) {
            sha = commands.scriptLoad(PUT_SCRIPT);
            putSha = sha;
        }
        try {
            return commands.evalsha(sha, ScriptOutputType.MULTI, new String[] {key}, args);
        } catch (RedisNoScriptException e) {
            // the server lost its script cache (restart, SCRIPT FLUSH): EVAL sends the script and caches it again
            return commands.eval(PUT_SCRIPT, ScriptOutputType.MULTI, new String[] {key}, args);
        }
    }

    @Override
    public KvReceipt remove(String key) {
        requireKey(key);
        try {
            long removed = commands.del(prefix + key);
            return KvReceipt.deleted(WireOp.delete(removed > 0 ? 0 : -1));
        } catch (RuntimeException e) {
            throw translate(e, "delete", key);
        }
    }

    /**
     * The server's peak memory ({@code INFO memory}, field {@code used_memory_peak}) in bytes: what drives
     * ElastiCache's price (node size, or GB-hours of data stored for Serverless).
     */
    public long peakMemoryBytes() {
        return infoMemoryField("used_memory_peak");
    }

    /** The server's current memory use ({@code used_memory}) in bytes. */
    public long usedMemoryBytes() {
        return infoMemoryField("used_memory");
    }

    private long infoMemoryField(String field) {
        String info;
        try {
            info = commands.info("memory");
        } catch (RuntimeException e) {
            throw translate(e, "info memory", "");
        }
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim());
            }
        }
        throw new FameException("redis at " + endpoint + ": INFO memory has no field " + field);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    private FameException translate(RuntimeException e, String op, String key) {
        String where = "redis " + op + (key.isEmpty() ? "" : " of '" + key + "'") + " at " + endpoint;
        if (e instanceof RedisCommandTimeoutException) {
            return new RetriableException("RedisCommandTimeout", where + " timed out: " + e.getMessage(), e);
        }
        if (e instanceof RedisConnectionException || (e instanceof RedisException
                && e.getMessage() != null && e.getMessage().contains("not connected"))) {
            return new RetriableException("RedisConnectionLost", where + " failed: connection lost: " + e.getMessage(), e);
        }
        if (e instanceof FameException fe) {
            return fe;
        }
        return new FameException(where + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public String toString() {
        return "RedisKeyValueStore[" + endpoint + ", prefix '" + prefix + "']";
    }
}
