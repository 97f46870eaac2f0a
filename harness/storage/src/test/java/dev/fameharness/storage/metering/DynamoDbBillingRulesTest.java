package dev.fameharness.storage.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.storage.WireOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbBillingRulesTest {

    @Test
    void should_charge_1_wru_when_item_is_exactly_1_kb() {
        assertThat(DynamoDbBillingRules.writeUnits(1024)).isEqualTo(1.0);
    }

    @Test
    void should_charge_2_wru_when_item_is_1_byte_over_1_kb() {
        assertThat(DynamoDbBillingRules.writeUnits(1025)).isEqualTo(2.0);
    }

    @Test
    void should_charge_at_least_1_wru_when_item_is_empty_or_absent() {
        assertThat(DynamoDbBillingRules.writeUnits(0)).isEqualTo(1.0);
        assertThat(DynamoDbBillingRules.writeUnits(-1)).isEqualTo(1.0);
        assertThat(DynamoDbBillingRules.writeUnits(1)).isEqualTo(1.0);
    }

    @Test
    void should_charge_1_rru_strong_and_half_eventual_when_item_is_exactly_4_kb() {
        assertThat(DynamoDbBillingRules.readUnits(4096, Consistency.STRONG)).isEqualTo(1.0);
        assertThat(DynamoDbBillingRules.readUnits(4096, Consistency.EVENTUAL)).isEqualTo(0.5);
    }

    @Test
    void should_charge_2_rru_strong_and_1_eventual_when_item_is_1_byte_over_4_kb() {
        assertThat(DynamoDbBillingRules.readUnits(4097, Consistency.STRONG)).isEqualTo(2.0);
        assertThat(DynamoDbBillingRules.readUnits(4097, Consistency.EVENTUAL)).isEqualTo(1.0);
    }

    @Test
    void should_charge_1_rru_strong_and_half_eventual_when_item_is_absent() {
        assertThat(DynamoDbBillingRules.units(WireOp.read(-1), Consistency.STRONG)).isEqualTo(1.0);
        assertThat(DynamoDbBillingRules.units(WireOp.read(-1), Consistency.EVENTUAL)).isEqualTo(0.5);
    }

    @Test
    void should_bill_larger_of_old_and_new_item_when_put_replaces() {
        assertThat(DynamoDbBillingRules.units(WireOp.write(3000, 100, true), Consistency.STRONG)).isEqualTo(3.0);
        assertThat(DynamoDbBillingRules.units(WireOp.write(100, 3000, true), Consistency.STRONG)).isEqualTo(3.0);
    }

    @Test
    void should_bill_existing_item_when_conditional_write_fails() {
        assertThat(DynamoDbBillingRules.units(WireOp.write(2049, 10, false), Consistency.STRONG)).isEqualTo(3.0);
        assertThat(DynamoDbBillingRules.units(WireOp.write(-1, 5000, false), Consistency.STRONG)).isEqualTo(1.0);
    }

    @Test
    void should_bill_deleted_item_size_with_minimum_1_when_delete() {
        assertThat(DynamoDbBillingRules.units(WireOp.delete(1025), Consistency.STRONG)).isEqualTo(2.0);
        assertThat(DynamoDbBillingRules.units(WireOp.delete(-1), Consistency.STRONG)).isEqualTo(1.0);
    }

    @Test
    void should_sum_units_when_call_sent_several_requests() {
        List<WireOp> ops = List.of(WireOp.write(-1, 1024, false), WireOp.write(-1, 1025, true));
        assertThat(DynamoDbBillingRules.units(ops, Consistency.STRONG)).isEqualTo(3.0);
    }

    @Test
    void should_count_attribute_name_bytes_in_item_size() {
        // "pk" (2) + "k" (1), "v" (1) + 1021 bytes: 1,025 bytes -> 2 WRU although the value alone fits in 1 KB
        long size = DynamoDbBillingRules.attributeSize("pk", 1) + DynamoDbBillingRules.attributeSize("v", 1021);
        assertThat(size).isEqualTo(1025);
        assertThat(DynamoDbBillingRules.writeUnits(size)).isEqualTo(2.0);
        assertThat(DynamoDbBillingRules.attributeSize("größe", 0)).isEqualTo(7); // UTF-8 bytes, not chars
    }

    @Test
    void should_size_numbers_by_significant_digits() {
        assertThat(DynamoDbBillingRules.numberSize("1")).isEqualTo(2);
        assertThat(DynamoDbBillingRules.numberSize("12")).isEqualTo(2);
        assertThat(DynamoDbBillingRules.numberSize("123")).isEqualTo(3);
        assertThat(DynamoDbBillingRules.numberSize("1000000")).isEqualTo(2);
        assertThat(DynamoDbBillingRules.numberSize("-0.00123")).isEqualTo(3);
    }

    @Test
    void should_put_400_kb_limit_at_409600_bytes() {
        assertThat(DynamoDbBillingRules.MAX_ITEM_BYTES).isEqualTo(409_600);
    }
}
