package dev.fameharness.storage.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.storage.AbstractKeyValueStoreIT;
import org.junit.jupiter.api.Test;

/** The key-value contract plus what only DynamoDB has: its server-enforced 400 KB item limit. */
public abstract class AbstractDynamoDbKeyValueStoreIT extends AbstractKeyValueStoreIT {

    @Test
    void should_throw_limit_exceeded_with_server_message_when_item_is_over_400_kb() {
        // given a value that alone exceeds 409,600 bytes
        String key = uniqueKey("huge");
        byte[] value = new byte[409_601];
        // when / then: PutItem (conditional put) and UpdateItem (unconditional put) carry the server's message
        assertThatThrownBy(() -> store().putIfVersion(key, value, 0, null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size")
                .satisfies(e -> {
                    LimitExceededException limit = (LimitExceededException) e;
                    assertThat(limit.limit()).isEqualTo("dynamodb.item_size");
                    assertThat(limit.maximum()).isEqualTo(409_600);
                    assertThat(limit.actual()).isGreaterThan(409_600);
                });
        assertThatThrownBy(() -> store().put(key, value, null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Item size")
                .hasMessageContaining("exceeded the maximum allowed size");
        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void should_accept_item_when_just_under_400_kb() {
        String key = uniqueKey("large");
        assertThat(store().put(key, new byte[409_000], null)).isEqualTo(1);
        assertThat(store().get(key)).hasValueSatisfying(v -> assertThat(v.sizeBytes()).isEqualTo(409_000));
    }
}
