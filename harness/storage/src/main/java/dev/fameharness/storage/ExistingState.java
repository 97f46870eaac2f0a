package dev.fameharness.storage;

import dev.fameharness.api.error.ConfigException;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * What a store's namespace (DynamoDB table, S3 bucket, Redis key prefix) already holds on a server, read before
 * a run opens it: a run never reuses another run's data (a warm tool cache or session memory left by an earlier
 * run would change every figure), so against a persistent endpoint the harness refuses non-empty state unless
 * told to resume ({@link #requireEmpty}). One read per store: a Scan or ListObjectsV2 with a limit of one, or
 * one Redis SCAN pass over the prefix.
 */
public final class ExistingState {

    private ExistingState() {
    }

    /** The first item key, object key or Redis key found in {@code config}'s namespace; empty if there is none. */
    public static Optional<String> firstEntry(BackendConfig config) {
        return switch (config.type()) {
            case BackendConfig.DYNAMODB -> dynamoDb(config);
            case BackendConfig.S3 -> s3(config);
            case BackendConfig.REDIS -> redis(config.endpoint().orElseThrow(), config.name(), config.requestTimeout());
            default -> throw new ConfigException("unknown back end '" + config.type() + "'");
        };
    }

    /**
     * Refuses (ConfigException: bad input, exit 2) when the namespace holds anything, naming the server, the
     * namespace and one entry, and saying how to go on; nothing is read or written beyond the probe.
     */
    public static void requireEmpty(BackendConfig config, String resumeHint) {
        firstEntry(config).ifPresent(entry -> {
            throw new ConfigException("the " + config.type() + " " + noun(config) + " '" + config.name() + "' at "
                    + config.endpoint().map(URI::toString).orElse("(embedded)") + " already holds data (e.g. '" + entry
                    + "') from an earlier run; a run never reuses another run's data: " + resumeHint);
        });
    }

    private static String noun(BackendConfig config) {
        return switch (config.type()) {
            case BackendConfig.DYNAMODB -> "table";
            case BackendConfig.S3 -> "bucket";
            default -> "key prefix";
        };
    }

    private static Optional<String> dynamoDb(BackendConfig config) {
        try (DynamoDbClient client = AwsClients.dynamoDb(config)) {
            ScanResponse r = client.scan(b -> b.tableName(config.name()).limit(1));
            // The key attribute, whatever the table's schema (the harness's own tables use "pk").
            return r.items().stream().findFirst().map(item -> item.entrySet().stream()
                    .filter(e -> e.getValue().s() != null).sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getValue().s()).findFirst().orElse(item.keySet().toString()));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw AwsClients.clientFailure("Scan of table " + config.name(), e);
        }
    }

    private static Optional<String> s3(BackendConfig config) {
        try (S3Client client = AwsClients.s3(config)) {
            ListObjectsV2Response r = client.listObjectsV2(b -> b.bucket(config.name()).maxKeys(1));
            return r.contents().stream().findFirst().map(o -> o.key());
        } catch (NoSuchBucketException absent) {
            return Optional.empty();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw AwsClients.clientFailure("ListObjectsV2 of bucket " + config.name(), e);
        }
    }

    private static Optional<String> redis(URI endpoint, String prefix, Duration timeout) {
        RedisURI uri = RedisURI.create(endpoint);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanArgs match = ScanArgs.Builder.matches(escape(prefix) + "*").limit(1000);
            KeyScanCursor<String> cursor = c.sync().scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    return Optional.of(cursor.getKeys().get(0));
                }
                if (cursor.isFinished()) {
                    return Optional.empty();
                }
                cursor = c.sync().scan(cursor, match);
            }
        } catch (io.lettuce.core.RedisConnectionException e) {
            throw new dev.fameharness.api.error.RetriableException("RedisConnectionLost",
                    "SCAN of prefix " + prefix + " could not reach " + endpoint + ": " + e.getMessage(), e);
        } finally {
            client.shutdown();
        }
    }

    /** A Redis glob that matches {@code prefix} literally. */
    static String escape(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
