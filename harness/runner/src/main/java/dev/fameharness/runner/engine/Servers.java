package dev.fameharness.runner.engine;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.storage.Backend;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.Backends;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.redis.RedisServer;
import dev.fameharness.storage.s3.S3ProxyServer;
import dev.fameharness.storage.server.LaunchedServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real servers of a run, started on first use on 127.0.0.1 (DynamoDB Local and S3Proxy shared by every
 * preset, each preset in its own table or bucket; one redis-server per store so that its peak memory is the
 * preset's own), or existing endpoints from the experiment's configuration.
 */
public final class Servers implements AutoCloseable {

    private final Map<String, URI> endpoints;
    private final Map<String, LaunchedServer> shared = new LinkedHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Map<String, Long> startMillis = new LinkedHashMap<>();
    private final Map<String, dev.fameharness.storage.redis.RedisKeyValueStore> redisStores = new LinkedHashMap<>();
    private final Map<String, RedisServer> redisServers = new LinkedHashMap<>();

    /** Whether a store may start on the state an earlier run left in its namespace ({@code --resume}). */
    private final boolean resume;

    /** @param endpoints existing servers by back-end type ({@code dynamodb}, {@code redis}, {@code s3}) */
    public Servers(Map<String, URI> endpoints) {
        this(endpoints, false);
    }

    /**
     * @param resume {@code false} (the default): every store must start empty, and a table, bucket or key prefix
     *               that already holds data (an earlier run's, on a persistent endpoint) is refused before the run
     *               starts (see {@link dev.fameharness.storage.ExistingState}); {@code true}: continue on it
     */
    public Servers(Map<String, URI> endpoints, boolean resume) {
        this.resume = resume;
        for (String type : endpoints.keySet()) {
            if (!BackendConfig.TYPES.contains(type)) {
                throw new ConfigException("unknown back end '" + type + "' in endpoints; accepted: "
                        + String.join(", ", BackendConfig.TYPES));
            }
        }
        this.endpoints = Map.copyOf(endpoints);
    }

    /** A key-value store for one preset: {@code type} is dynamodb or redis; {@code name} its table or prefix. */
    public synchronized KeyValueStore keyValue(String type, String name, Clock clock) {
        BackendConfig config = BackendConfig.local(type).withName(name);
        Optional<URI> endpoint = Optional.ofNullable(endpoints.get(type));
        if (endpoint.isEmpty()) {
            if (BackendConfig.DYNAMODB.equals(type)) {
                endpoint = Optional.of(server(type, DynamoDbLocalServer::new).endpoint());
            } else {
                RedisServer redis = new RedisServer();
                redis.start();
                startMillis.merge("redis", redis.startMillis(), Math::max);
                opened.add(redis);
                redisServers.put(name, redis);
                endpoint = Optional.of(redis.endpoint());
            }
        }
        URI target = endpoint.get();
        Backend<KeyValueStore> backend = answering(type, target, () -> {
            requireFresh(config.withEndpoint(target));
            return Backends.keyValueStore(config.withEndpoint(target), clock);
        });
        opened.add(backend);
        if (backend.store() instanceof dev.fameharness.storage.redis.RedisKeyValueStore redis) {
            redisStores.put(name, redis);
        }
        return backend.store();
    }

    /** An object store (S3 API) for one preset, in its own bucket. */
    public synchronized ObjectStore objects(String bucket) {
        BackendConfig config = BackendConfig.local(BackendConfig.S3).withName(bucket);
        URI endpoint = endpoints.containsKey(BackendConfig.S3) ? endpoints.get(BackendConfig.S3)
                : server(BackendConfig.S3, () -> new S3ProxyServer(config.accessKey(), config.secretKey(),
                        Duration.ofSeconds(60))).endpoint();
        Backend<ObjectStore> backend = answering(BackendConfig.S3, endpoint, () -> {
            requireFresh(config.withEndpoint(endpoint));
            return Backends.objectStore(config.withEndpoint(endpoint));
        });
        opened.add(backend);
        return backend.store();
    }

    /**
     * Peak memory (Redis INFO used_memory_peak) of the redis-server holding store {@code name}, which drives
     * ElastiCache's price; empty if that store is not on Redis.
     */
    public synchronized java.util.OptionalLong redisPeakBytes(String name) {
        var store = redisStores.get(name);
        return store == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(store.peakMemoryBytes());
    }

    /**
     * The redis-server this object launched for store {@code name} (empty for an endpoint or another back end).
     * For outage tests only: closing it kills the server under a running preset.
     */
    synchronized Optional<RedisServer> launchedRedis(String name) {
        return Optional.ofNullable(redisServers.get(name));
    }

    private void requireFresh(BackendConfig config) {
        if (!resume) {
            dev.fameharness.storage.ExistingState.requireEmpty(config, "run with another --run-id (store names "
                    + "derive from it), empty or delete it, or pass --resume to continue on its state");
        }
    }

    /** Opens a store, turning "the endpoint does not answer" into an actionable configuration error. */
    private <S> S answering(String type, URI endpoint, java.util.function.Supplier<S> open) {
        try {
            return open.get();
        } catch (dev.fameharness.api.error.RetriableException e) {
            if (endpoints.containsKey(type)) {
                throw new ConfigException("the " + type + " endpoint " + endpoint + " (endpoints." + type
                        + " in the experiment) does not answer: " + e.getMessage() + "; start that server, or remove "
                        + "endpoints." + type + " to use the embedded one", e);
            }
            throw e;
        }
    }

    /** How long each launched server took to start, in ms. */
    public synchronized Map<String, Long> startMillis() {
        return Map.copyOf(startMillis);
    }

    private LaunchedServer server(String type, java.util.function.Supplier<LaunchedServer> factory) {
        LaunchedServer s = shared.get(type);
        if (s == null) {
            s = factory.get();
            s.start();
            shared.put(type, s);
            startMillis.put(type, s.startMillis());
        }
        return s;
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(opened);
        all.addAll(shared.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                // closing is best effort; nothing a run produced depends on it
            }
        }
        opened.clear();
        shared.clear();
    }
}
