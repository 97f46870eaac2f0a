package dev.fameharness.storage;

import dev.fameharness.api.error.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a store connects. {@code type} chooses the back end ({@code dynamodb}, {@code redis} or
 * {@code s3}); without an {@code endpoint} the harness launches a local server (DynamoDB Local, redis-server,
 * S3Proxy), with one it connects there instead (AWS, LocalStack, MinIO, ElastiCache, a server you started).
 *
 * @param type           {@code dynamodb} | {@code redis} | {@code s3}
 * @param endpoint       an existing server, e.g. {@code http://localhost:4566} or {@code redis://host:6379};
 *                       empty = launch one
 * @param region         AWS region for the SDK clients (signing); ignored by Redis
 * @param name           DynamoDB table, S3 bucket, or Redis key prefix
 * @param accessKey      AWS access key; the dummy {@code local} by default (local servers accept anything
 *                       consistent; a launched S3Proxy is configured with the same pair)
 * @param secretKey      AWS secret key
 * @param requestTimeout per-call timeout of the client (socket and API call)
 */
public record BackendConfig(String type, Optional<URI> endpoint, String region, String name, String accessKey,
                            String secretKey, Duration requestTimeout) {

    public static final String DYNAMODB = "dynamodb";
    public static final String REDIS = "redis";
    public static final String S3 = "s3";
    /** Every accepted {@code type}, in the order error messages list them. */
    public static final List<String> TYPES = List.of(DYNAMODB, REDIS, S3);

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_TABLE = "fame-kv";
    public static final String DEFAULT_BUCKET = "fame-objects";
    public static final String DEFAULT_REDIS_PREFIX = "fame:";
    public static final String DUMMY_ACCESS_KEY = "local";
    public static final String DUMMY_SECRET_KEY = "local-secret";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public BackendConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!TYPES.contains(type)) {
            throw unknownType(type, TYPES);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigException("requestTimeout of the " + type + " store must be positive, was " + requestTimeout);
        }
        if (!type.equals(REDIS) && name.isBlank()) {
            throw new ConfigException("the " + type + " store needs a " + (type.equals(S3) ? "bucket" : "table") + " name");
        }
    }

    /** Defaults for {@code type}: launch a local server, dummy credentials, the default table/bucket/prefix. */
    public static BackendConfig local(String type) {
        if (type == null || !TYPES.contains(type)) {
            throw unknownType(type, TYPES);
        }
        String name = switch (type) {
            case DYNAMODB -> DEFAULT_TABLE;
            case S3 -> DEFAULT_BUCKET;
            default -> DEFAULT_REDIS_PREFIX;
        };
        return new BackendConfig(type, Optional.empty(), DEFAULT_REGION, name, DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public BackendConfig withEndpoint(URI newEndpoint) {
        return new BackendConfig(type, Optional.of(newEndpoint), region, name, accessKey, secretKey, requestTimeout);
    }

    public BackendConfig withName(String newName) {
        return new BackendConfig(type, endpoint, region, newName, accessKey, secretKey, requestTimeout);
    }

    public BackendConfig withRegion(String newRegion) {
        return new BackendConfig(type, endpoint, newRegion, name, accessKey, secretKey, requestTimeout);
    }

    public BackendConfig withCredentials(String newAccessKey, String newSecretKey) {
        return new BackendConfig(type, endpoint, region, name, newAccessKey, newSecretKey, requestTimeout);
    }

    public BackendConfig withRequestTimeout(Duration newTimeout) {
        return new BackendConfig(type, endpoint, region, name, accessKey, secretKey, newTimeout);
    }

    static ConfigException unknownType(String type, List<String> accepted) {
        return new ConfigException("Unknown store type '" + type + "': accepted types are " + String.join(", ", accepted));
    }
}
