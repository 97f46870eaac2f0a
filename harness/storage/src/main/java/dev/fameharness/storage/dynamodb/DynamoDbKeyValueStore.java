package dev.fameharness.storage.dynamodb;

import dev.fameharness.storage.AwsClients;
import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.Versioned;
import dev.fameharness.api.time.Clock;
import dev.fameharness.storage.KvReceipt;
import dev.fameharness.storage.ReceiptingKeyValueStore;
import dev.fameharness.storage.Ttl;
import dev.fameharness.storage.WireOp;
import dev.fameharness.storage.metering.DynamoDbBillingRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link dev.fameharness.api.store.KeyValueStore} on DynamoDB (DynamoDB Local, LocalStack or AWS) through the
 * AWS SDK v2.
 *
 * <p>Item layout, one item per key: {@code pk} (S, the key), {@code v} (B, the value), {@code ver} (N, the
 * version, from 1) and, for items with a TTL, {@code exp} (N, expiry in harness-clock microseconds). Billing
 * counts these attribute names. Conditional puts are one {@code PutItem} with a {@code ConditionExpression} on
 * {@code ver} (and on {@code exp}: an expired item counts as absent, so {@code expectedVersion 0} may replace
 * it and its versions start again at 1). An unconditional put is one {@code UpdateItem} that creates version 1
 * or increments {@code ver} ({@code if_not_exists}); only when it finds an expired item does a second request
 * ({@code PutItem}) replace it with version 1, and both requests are billed.
 *
 * <p>TTL: checked against the harness {@link Clock} only. The service's own TTL attribute is NOT written:
 * DynamoDB expires by wall-clock epoch seconds in the background (up to days later), which can neither be
 * deterministic in virtual mode nor hide an item sooner than our check; expired items stay until overwritten
 * or deleted.
 *
 * <p>Errors: the 400 KB item limit surfaces as {@link LimitExceededException} ({@code dynamodb.item_size},
 * maximum 409,600, the server's message); throttling, 5xx and connection failures as
 * {@link RetriableException} with the service's error code; anything else as {@link FameException}.
 */
public final class DynamoDbKeyValueStore implements ReceiptingKeyValueStore {

    public static final String BACKEND = "dynamodb";
    public static final String LIMIT_ITEM_SIZE = "dynamodb.item_size";

    static final String PK = "pk";
    static final String VALUE = "v";
    static final String VERSION = "ver";
    static final String EXPIRY = "exp";

    private static final Set<String> RETRIABLE_CODES = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded", "InternalServerError", "ServiceUnavailable",
            "TransactionConflictException", "LimitExceededException");
    private static final int MAX_UNCONDITIONAL_ATTEMPTS = 64;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final boolean ownsClient;

    /**
     * @param ownsClient close the client with the store
     */
    public DynamoDbKeyValueStore(DynamoDbClient client, String table, Clock clock, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownsClient = ownsClient;
        if (table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank");
        }
    }

    /** Creates the table (on-demand billing, key {@code pk}) unless it exists, and waits until it is active. */
    public DynamoDbKeyValueStore createTableIfMissing() {
        try {
            try {
                client.describeTable(b -> b.tableName(table));
                return this;
            } catch (ResourceNotFoundException absent) {
                client.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(PK)
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build()));
            } catch (ResourceInUseException raced) {
                // created concurrently: wait below
            }
            client.waiter().waitUntilTableExists(b -> b.tableName(table));
            return this;
        } catch (SdkException e) {
            throw translate(e, "create table", table, -1);
        }
    }

    public String table() {
        return table;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public KvReceipt read(String key, Consistency consistency) {
        requireKey(key);
        Objects.requireNonNull(consistency, "consistency");
        GetItemResponse response;
        try {
            response = client.getItem(b -> b.tableName(table).key(keyOf(key))
                    .consistentRead(consistency == Consistency.STRONG));
        } catch (SdkException e) {
            throw translate(e, "get", key, -1);
        }
        if (!response.hasItem() || response.item().isEmpty()) {
            return KvReceipt.read(Optional.empty(), WireOp.read(-1));
        }
        Map<String, AttributeValue> item = response.item();
        WireOp op = WireOp.read(DynamoDbItemSize.of(item));
        if (!isLive(item, Ttl.nowMicros(clock))) {
            return KvReceipt.read(Optional.empty(), op);
        }
        return KvReceipt.read(Optional.of(new Versioned(item.get(VALUE).b().asByteArray(), versionOf(item))), op);
    }

    @Override
    public KvReceipt write(String key, byte[] value, long expectedVersion, Duration ttl) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (expectedVersion < UNCONDITIONAL) {
            throw new IllegalArgumentException("expectedVersion must be -1 (unconditional) or >= 0, was " + expectedVersion);
        }
        long now = Ttl.nowMicros(clock);
        long expiry = Ttl.expiryMicros(clock, ttl);
        if (expectedVersion == UNCONDITIONAL) {
            return writeUnconditionally(key, value, now, expiry);
        }
        Map<String, AttributeValue> item = item(key, value, expectedVersion + 1, expiry);
        Map<String, String> names = Map.of("#pk", PK, "#ver", VERSION, "#exp", EXPIRY);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":now", number(now));
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#pk) OR #exp <= :now";
            names = Map.of("#pk", PK, "#exp", EXPIRY);
        } else {
            condition = "#ver = :expected AND (attribute_not_exists(#exp) OR #exp > :now)";
            names = Map.of("#ver", VERSION, "#exp", EXPIRY);
            values.put(":expected", number(expectedVersion));
        }
        List<WireOp> wire = new ArrayList<>();
        Optional<KvReceipt> done = tryPut(key, item, condition, names, values, now, wire);
        return done.orElseThrow();
    }

    /**
     * One conditional PutItem. Returns the receipt when the call is decided (written or rejected), which it
     * always is for a conditional put.
     */
    private Optional<KvReceipt> tryPut(String key, Map<String, AttributeValue> item, String condition,
                                       Map<String, String> names, Map<String, AttributeValue> values, long now,
                                       List<WireOp> wire) {
        long newSize = DynamoDbItemSize.of(item);
        try {
            PutItemResponse response = client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            long oldSize = response.hasAttributes() && !response.attributes().isEmpty()
                    ? DynamoDbItemSize.of(response.attributes()) : -1;
            wire.add(WireOp.write(oldSize, newSize, true));
            return Optional.of(KvReceipt.written(versionOf(item), wire));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            long oldSize = existing.isEmpty() ? -1 : DynamoDbItemSize.of(existing);
            wire.add(WireOp.write(oldSize, newSize, false));
            long actual = !existing.isEmpty() && isLive(existing, now) ? versionOf(existing) : 0;
            return Optional.of(KvReceipt.rejected(actual, wire));
        } catch (SdkException e) {
            throw translate(e, "put", key, newSize);
        }
    }

    private KvReceipt writeUnconditionally(String key, byte[] value, long now, long expiry) {
        List<WireOp> wire = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_UNCONDITIONAL_ATTEMPTS; attempt++) {
            // 1. absent or live: one UpdateItem creates version 1 or increments the version
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":v", AttributeValue.fromB(SdkBytes.fromByteArray(value)));
            values.put(":zero", number(0));
            values.put(":one", number(1));
            values.put(":now", number(now));
            String update = "SET #v = :v, #ver = if_not_exists(#ver, :zero) + :one";
            if (expiry != Ttl.NEVER) {
                values.put(":exp", number(expiry));
                update += ", #exp = :exp";
            } else {
                update += " REMOVE #exp";
            }
            String finalUpdate = update;
            long firstVersionSize = DynamoDbItemSize.of(item(key, value, 1, expiry));
            try {
                UpdateItemResponse response = client.updateItem(b -> b.tableName(table).key(keyOf(key))
                        .updateExpression(finalUpdate)
                        .conditionExpression("attribute_not_exists(#exp) OR #exp > :now")
                        .expressionAttributeNames(Map.of("#v", VALUE, "#ver", VERSION, "#exp", EXPIRY))
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                Map<String, AttributeValue> old = response.hasAttributes() ? response.attributes() : Map.of();
                long version = old.isEmpty() ? 1 : versionOf(old) + 1;
                long newSize = DynamoDbItemSize.of(item(key, value, version, expiry));
                wire.add(WireOp.write(old.isEmpty() ? -1 : DynamoDbItemSize.of(old), newSize, true));
                return KvReceipt.written(version, wire);
            } catch (ConditionalCheckFailedException e) {
                long oldSize = e.hasItem() && !e.item().isEmpty() ? DynamoDbItemSize.of(e.item()) : -1;
                wire.add(WireOp.write(oldSize, firstVersionSize, false));
            } catch (SdkException e) {
                throw translate(e, "put", key, firstVersionSize);
            }
            // 2. expired (rare): replace it with version 1, unless someone else just did
            Map<String, AttributeValue> createValues = new HashMap<>();
            createValues.put(":now", number(now));
            KvReceipt created = tryPut(key, item(key, value, 1, expiry), "attribute_not_exists(#pk) OR #exp <= :now",
                    Map.of("#pk", PK, "#exp", EXPIRY), createValues, now, wire).orElseThrow();
            if (!created.conflict()) {
                return created;
            }
        }
        throw new RetriableException("TransactionConflict", "dynamodb: unconditional put of '" + key + "' in table "
                + table + " lost " + MAX_UNCONDITIONAL_ATTEMPTS + " races in a row");
    }

    @Override
    public KvReceipt remove(String key) {
        requireKey(key);
        try {
            var response = client.deleteItem(b -> b.tableName(table).key(keyOf(key)).returnValues(ReturnValue.ALL_OLD));
            long oldSize = response.hasAttributes() && !response.attributes().isEmpty()
                    ? DynamoDbItemSize.of(response.attributes()) : -1;
            return KvReceipt.deleted(WireOp.delete(oldSize));
        } catch (SdkException e) {
            throw translate(e, "delete", key, -1);
        }
    }

    private static Map<String, AttributeValue> keyOf(String key) {
        return Map.of(PK, AttributeValue.fromS(key));
    }

    static Map<String, AttributeValue> item(String key, byte[] value, long version, long expiry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(key));
        item.put(VALUE, AttributeValue.fromB(SdkBytes.fromByteArray(value)));
        item.put(VERSION, number(version));
        if (expiry != Ttl.NEVER) {
            item.put(EXPIRY, number(expiry));
        }
        return item;
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static long versionOf(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(VERSION);
        if (v == null || v.n() == null) {
            throw new FameException("dynamodb: item '" + item.get(PK) + "' has no numeric '" + VERSION
                    + "' attribute: was it written by something else than DynamoDbKeyValueStore?");
        }
        return Long.parseLong(v.n());
    }

    private static boolean isLive(Map<String, AttributeValue> item, long nowMicros) {
        AttributeValue exp = item.get(EXPIRY);
        return exp == null || exp.n() == null || !Ttl.isExpired(Long.parseLong(exp.n()), nowMicros);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    /** Maps an SDK failure to the harness's exceptions. {@code itemBytes} is the item being written, or -1. */
    private FameException translate(SdkException e, String op, String key, long itemBytes) {
        String where = "dynamodb " + op + " of '" + key + "' in table " + table;
        if (e instanceof DynamoDbException d && d.awsErrorDetails() != null) {
            String code = d.awsErrorDetails().errorCode();
            String message = d.awsErrorDetails().errorMessage();
            if ("ValidationException".equals(code) && message != null && message.contains("Item size")
                    && message.contains("exceeded the maximum allowed size")) {
                return new LimitExceededException(LIMIT_ITEM_SIZE, DynamoDbBillingRules.MAX_ITEM_BYTES, itemBytes,
                        message + " (" + where + ", item " + itemBytes + " bytes by AWS's size rules, limit "
                                + DynamoDbBillingRules.MAX_ITEM_BYTES + ")", e);
            }
            return AwsClients.serviceFailure(where, code, message, d.statusCode(), RETRIABLE_CODES, e);
        }
        return AwsClients.clientFailure(where, e);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "DynamoDbKeyValueStore[table " + table + "]";
    }
}
