package dev.fameharness.storage.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.storage.Ttl;
import dev.fameharness.storage.metering.DynamoDbBillingRules;
import org.junit.jupiter.api.Test;

class DynamoDbItemSizeTest {

    @Test
    void should_count_attribute_names_key_value_and_version_when_item_has_no_ttl() {
        // pk(2) + "key"(3) + v(1) + 1000 + ver(3) + number "7" (2)
        assertThat(DynamoDbItemSize.of(DynamoDbKeyValueStore.item("key", new byte[1000], 7, Ttl.NEVER)))
                .isEqualTo(1011);
    }

    @Test
    void should_add_expiry_attribute_when_item_has_ttl() {
        long without = DynamoDbItemSize.of(DynamoDbKeyValueStore.item("key", new byte[10], 1, Ttl.NEVER));
        long with = DynamoDbItemSize.of(DynamoDbKeyValueStore.item("key", new byte[10], 1, 12_345_678));
        // exp(3) + number of 8 significant digits (4 + 1)
        assertThat(with - without).isEqualTo(8);
    }

    @Test
    void should_cross_1_kb_boundary_because_of_attribute_names() {
        // value 1,012 + overhead 13 (pk 2 + key 3 + v 1 + ver 3 + number 2 ... ) crosses 1,024
        long size = DynamoDbItemSize.of(DynamoDbKeyValueStore.item("key", new byte[1014], 1, Ttl.NEVER));
        assertThat(size).isEqualTo(1025);
        assertThat(DynamoDbBillingRules.writeUnits(size)).isEqualTo(2.0);
        assertThat(DynamoDbBillingRules.writeUnits(1014)).isEqualTo(1.0);
    }
}
