package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.redis.RedisServer;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run never reuses another run's data (issue 13, point 4). The embedded servers are started here and handed
 * to the harness as endpoints, so they play a persistent server (AWS, LocalStack, MinIO, ElastiCache) that
 * outlives a run: a second run on the same namespace is refused before it opens a store, unless it resumes.
 */
class NamespaceIT {

    private static DynamoDbLocalServer dynamo;
    private static S3ProxyServer s3;
    private static RedisServer redis;
    private static Map<String, URI> endpoints;

    @BeforeAll
    static void start() {
        dynamo = new DynamoDbLocalServer();
        dynamo.start();
        s3 = new S3ProxyServer(BackendConfig.DUMMY_ACCESS_KEY, BackendConfig.DUMMY_SECRET_KEY, Duration.ofSeconds(60));
        s3.start();
        redis = new RedisServer();
        redis.start();
        endpoints = Map.of("dynamodb", dynamo.endpoint(), "s3", s3.endpoint(), "redis", redis.endpoint());
    }

    @AfterAll
    static void stop() {
        redis.close();
        s3.close();
        dynamo.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_refuse_a_second_run_on_a_namespace_that_holds_data_and_continue_on_it_when_resuming() {
        String name = "fame-fame-" + "nsreuse" + "s1";
        try (Servers first = new Servers(endpoints)) {
            first.keyValue("dynamodb", name, new VirtualClock(1)).put("session-1", bytes("memory"), null);
            first.objects(name).put("cache/tool", bytes("cached response"));
            first.keyValue("redis", name + ":", new VirtualClock(1)).put("session-1", bytes("memory"), null);
        }

        try (Servers second = new Servers(endpoints)) {
            assertThatThrownBy(() -> second.keyValue("dynamodb", name, new VirtualClock(1)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("dynamodb table '" + name + "'").hasMessageContaining(dynamo.endpoint().toString())
                    .hasMessageContaining("session-1").hasMessageContaining("--resume");
            assertThatThrownBy(() -> second.objects(name)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("s3 bucket '" + name + "'").hasMessageContaining("cache/tool");
            assertThatThrownBy(() -> second.keyValue("redis", name + ":", new VirtualClock(1)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("redis key prefix '" + name + ":'")
                    .hasMessageContaining(name + ":session-1");
        }

        try (Servers resumed = new Servers(endpoints, true)) {
            KeyValueStore kv = resumed.keyValue("dynamodb", name, new VirtualClock(1));
            ObjectStore objects = resumed.objects(name);
            KeyValueStore redisKv = resumed.keyValue("redis", name + ":", new VirtualClock(1));
            assertThat(kv.get("session-1")).get().extracting(v -> new String(v.value(), StandardCharsets.UTF_8))
                    .isEqualTo("memory");
            assertThat(objects.get("cache/tool")).get().extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .isEqualTo("cached response");
            assertThat(redisKv.get("session-1")).isPresent();
        }
    }

    @Test
    void should_open_a_fresh_namespace_when_another_run_id_names_the_stores() {
        String earlier = "fame-fame-" + dev.fameharness.runner.experiment.ExperimentRunner.runToken("run-a", 1);
        String later = "fame-fame-" + dev.fameharness.runner.experiment.ExperimentRunner.runToken("run-b", 1);
        try (Servers first = new Servers(endpoints)) {
            first.keyValue("dynamodb", earlier, new VirtualClock(1)).put("k", bytes("v"), null);
            first.keyValue("redis", earlier + ":", new VirtualClock(1)).put("k", bytes("v"), null);
        }

        try (Servers second = new Servers(endpoints)) {
            assertThat(later).isNotEqualTo(earlier);
            assertThat(second.keyValue("dynamodb", later, new VirtualClock(1)).get("k")).isEmpty();
            assertThat(second.keyValue("redis", later + ":", new VirtualClock(1)).get("k")).isEmpty();
        }
    }

    @Test
    void should_not_count_a_longer_prefix_as_the_same_namespace_when_probing_redis() {
        try (Servers first = new Servers(endpoints)) {
            first.keyValue("redis", "fame-x-abcs10:", new VirtualClock(1)).put("k", bytes("v"), null);
        }
        try (Servers second = new Servers(endpoints)) {
            assertThat(second.keyValue("redis", "fame-x-abcs1:", new VirtualClock(1)).get("k")).isEmpty();
        }
    }
}
