package dev.fameharness.storage;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.storage.dynamodb.DynamoDbKeyValueStore;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.redis.RedisKeyValueStore;
import dev.fameharness.storage.redis.RedisServer;
import dev.fameharness.storage.s3.S3ObjectStore;
import dev.fameharness.storage.s3.S3ProxyServer;
import dev.fameharness.storage.server.LaunchedServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The one factory for stores, chosen by {@link BackendConfig#type()}. Without an endpoint it launches the
 * local server (DynamoDB Local, redis-server, S3Proxy) first; with one it connects there. It also creates the
 * DynamoDB table or S3 bucket when missing. Stores come back unmetered: wrap them in
 * {@link dev.fameharness.storage.metering.MeteredKeyValueStore} / {@link dev.fameharness.storage.metering.MeteredObjectStore}.
 */
public final class Backends {

    /** Types {@link #keyValueStore} accepts. */
    public static final List<String> KEY_VALUE_TYPES = List.of(BackendConfig.DYNAMODB, BackendConfig.REDIS);
    /** Types {@link #objectStore} accepts. */
    public static final List<String> OBJECT_TYPES = List.of(BackendConfig.S3);

    private Backends() {
    }

    /** Parses a type string from an experiment file into a local config; unknown types are a ConfigException. */
    public static BackendConfig config(String type) {
        return BackendConfig.local(type);
    }

    public static Backend<KeyValueStore> keyValueStore(BackendConfig config, Clock clock) {
        if (!KEY_VALUE_TYPES.contains(config.type())) {
            throw new ConfigException("Store type '" + config.type() + "' is not a key-value store: accepted types are "
                    + String.join(", ", KEY_VALUE_TYPES));
        }
        if (BackendConfig.DYNAMODB.equals(config.type())) {
            return withServer(config.endpoint().isEmpty() ? new DynamoDbLocalServer() : null, server -> {
                BackendConfig effective = server == null ? config : config.withEndpoint(server.endpoint());
                return new DynamoDbKeyValueStore(AwsClients.dynamoDb(effective), effective.name(), clock, true)
                        .createTableIfMissing();
            });
        }
        return withServer(config.endpoint().isEmpty() ? new RedisServer() : null, server -> {
            URI endpoint = server == null ? config.endpoint().orElseThrow() : server.endpoint();
            return new RedisKeyValueStore(endpoint, config.name(), clock, config.requestTimeout());
        });
    }

    public static Backend<ObjectStore> objectStore(BackendConfig config) {
        if (!OBJECT_TYPES.contains(config.type())) {
            throw new ConfigException("Store type '" + config.type() + "' is not an object store: accepted types are "
                    + String.join(", ", OBJECT_TYPES));
        }
        return withServer(config.endpoint().isEmpty()
                ? new S3ProxyServer(config.accessKey(), config.secretKey(), java.time.Duration.ofSeconds(30)) : null,
                server -> {
                    BackendConfig effective = server == null ? config : config.withEndpoint(server.endpoint());
                    return new S3ObjectStore(AwsClients.s3(effective), effective.name(), true).createBucketIfMissing();
                });
    }

    private interface StoreFactory<S> {
        S open(LaunchedServer server);
    }

    private static <S extends AutoCloseable> Backend<S> withServer(LaunchedServer server, StoreFactory<S> factory) {
        if (server == null) {
            return new Backend<>(factory.open(null), Optional.empty());
        }
        server.start();
        try {
            return new Backend<>(factory.open(server), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
