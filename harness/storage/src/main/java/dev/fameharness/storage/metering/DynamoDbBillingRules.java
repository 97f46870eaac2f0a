package dev.fameharness.storage.metering;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.storage.WireOp;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DynamoDB on-demand request units, as AWS computes them.
 *
 * <ul>
 *   <li>Read request unit: one strongly consistent read of an item up to 4 KB; an eventually consistent read
 *       costs half. Item sizes are rounded up to the next 4 KB; a read of an absent item still costs one unit
 *       (half if eventually consistent).</li>
 *   <li>Write request unit: one write of an item up to 1 KB, rounded up to the next 1 KB, minimum 1. A put
 *       that replaces an item is billed by the larger of the old and new item; a delete by the deleted item
 *       (minimum 1); a conditional write whose condition fails still consumes units by the size of the
 *       existing item (minimum 1).</li>
 *   <li>Item size: sum of the lengths of the attribute names (UTF-8) and of the values. Strings are UTF-8
 *       bytes, binaries their length, numbers about one byte per two significant digits plus one byte.
 *       The item limit is 400 KB (409,600 bytes) including attribute names.</li>
 * </ul>
 *
 * Sources: Amazon DynamoDB Developer Guide, "Service, account, and table quotas in Amazon DynamoDB"
 * (Constraints: item size, request unit sizes),
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html ;
 * "DynamoDB read and write request units" / "Read/write capacity mode" (read of an absent item, larger of old
 * and new item for PutItem, DeleteItem by deleted item),
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html ;
 * "Condition expressions" (failed conditional writes consume write units),
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html ;
 * "Working with items: item sizes and formats" (size of attribute names, numbers),
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html ;
 * see also ../shared/CALIBRATION-SOURCES.md (Limits).
 */
public final class DynamoDbBillingRules {

    /** Bytes covered by one read request unit. */
    public static final int READ_UNIT_BYTES = 4 * 1024;
    /** Bytes covered by one write request unit. */
    public static final int WRITE_UNIT_BYTES = 1024;
    /** The maximum item size, attribute names included. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;

    public static final String RRU = "dynamodb.rru";
    public static final String WRU = "dynamodb.wru";

    private DynamoDbBillingRules() {
    }

    /** Read units for reading an item of {@code itemBytes} (0 or less = absent item: still 1 unit, 0.5 eventual). */
    public static double readUnits(long itemBytes, Consistency consistency) {
        long units = Math.max(1, ceilDiv(Math.max(0, itemBytes), READ_UNIT_BYTES));
        return consistency == Consistency.EVENTUAL ? units / 2.0 : units;
    }

    /** Write units for writing (or deleting) an item of {@code itemBytes}, minimum 1. */
    public static double writeUnits(long itemBytes) {
        return Math.max(1, ceilDiv(Math.max(0, itemBytes), WRITE_UNIT_BYTES));
    }

    /** Units one request costs: reads in RRU, writes and deletes in WRU. */
    public static double units(WireOp op, Consistency consistency) {
        return switch (op.kind()) {
            case WireOp.READ -> readUnits(op.itemBytesBefore(), consistency);
            case WireOp.WRITE -> writeUnits(op.applied()
                    ? Math.max(op.itemBytesBefore(), op.itemBytesAfter())
                    : op.itemBytesBefore());
            case WireOp.DELETE -> writeUnits(op.itemBytesBefore());
            default -> throw new IllegalArgumentException("unknown request kind " + op.kind());
        };
    }

    /** Sum of {@link #units(WireOp, Consistency)} over requests of one call. */
    public static double units(List<WireOp> ops, Consistency consistency) {
        double sum = 0;
        for (WireOp op : ops) {
            sum += units(op, consistency);
        }
        return sum;
    }

    /** Size of one attribute: its name's UTF-8 length plus its value's size. */
    public static long attributeSize(String name, long valueBytes) {
        return utf8Length(name) + valueBytes;
    }

    /** Size of a string value: its UTF-8 length. */
    public static long stringSize(String value) {
        return utf8Length(value);
    }

    /**
     * Size of a number value: one byte per two significant digits (leading and trailing zeros trimmed,
     * rounded up) plus one byte.
     */
    public static long numberSize(String number) {
        String digits = number.replace("-", "").replace("+", "");
        int e = Math.max(digits.indexOf('e'), digits.indexOf('E'));
        if (e >= 0) {
            digits = digits.substring(0, e);
        }
        digits = digits.replace(".", "");
        digits = stripZeros(digits);
        int significant = Math.max(1, digits.length());
        return ceilDiv(significant, 2) + 1;
    }

    private static String stripZeros(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '0') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(start, end);
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
