package dev.fameharness.storage.dynamodb;

import dev.fameharness.storage.metering.DynamoDbBillingRules;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size DynamoDB bills and limits an item by: for every attribute, its name's UTF-8 length plus its value's
 * size (see {@link DynamoDbBillingRules} for the rules and sources). Lists and maps: 3 bytes of overhead plus
 * their elements (with 1 byte per element), sets: the sum of their elements.
 */
public final class DynamoDbItemSize {

    private DynamoDbItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += DynamoDbBillingRules.attributeSize(e.getKey(), valueSize(e.getValue()));
        }
        return size;
    }

    static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return DynamoDbBillingRules.stringSize(v.s());
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.n() != null) {
            return DynamoDbBillingRules.numberSize(v.n());
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(DynamoDbBillingRules::stringSize).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(DynamoDbBillingRules::numberSize).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(e -> 1 + valueSize(e)).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream()
                    .mapToLong(e -> 1 + DynamoDbBillingRules.attributeSize(e.getKey(), valueSize(e.getValue()))).sum();
        }
        return 0;
    }
}
