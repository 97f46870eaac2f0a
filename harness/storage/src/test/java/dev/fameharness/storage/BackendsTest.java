package dev.fameharness.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.redis.RedisServer;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void should_name_value_and_accepted_types_when_type_is_unknown() {
        assertThatThrownBy(() -> Backends.config("mongodb"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'mongodb'")
                .hasMessageContaining("dynamodb, redis, s3");
    }

    @Test
    void should_reject_object_store_type_when_key_value_store_is_asked() {
        assertThatThrownBy(() -> Backends.keyValueStore(Backends.config("s3"), new ManualClock()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'s3'")
                .hasMessageContaining("dynamodb, redis");
        assertThatThrownBy(() -> Backends.objectStore(Backends.config("redis")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3");
    }

    @Test
    void should_default_to_launching_with_dummy_credentials_when_config_is_local() {
        BackendConfig config = Backends.config("dynamodb");
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.name()).isEqualTo("fame-kv");
        assertThat(config.accessKey()).isEqualTo("local");
        assertThat(config.region()).isEqualTo("us-east-1");
    }

    @Test
    void should_validate_without_io_and_refuse_getters_when_server_is_not_started() {
        assertThatThrownBy(() -> new DynamoDbLocalServer(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3ProxyServer("", "x", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisServer(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DynamoDbLocalServer().endpoint()).isInstanceOf(IllegalStateException.class);
        assertThat(new RedisServer().isRunning()).isFalse();
    }
}
