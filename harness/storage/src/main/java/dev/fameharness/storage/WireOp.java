package dev.fameharness.storage;

/**
 * One request a key-value store sent to its server, with the item sizes a provider bills by. A single
 * {@link dev.fameharness.api.store.KeyValueStore} call may need more than one request (for example an
 * unconditional DynamoDB put that finds an expired item and re-creates it), and every request is billed.
 *
 * @param kind             {@code read}, {@code write} or {@code delete}
 * @param itemBytesBefore  size of the item the server held before the request, in the provider's
 *                         item-size rules; {@code -1} when there was none (or it is unknown)
 * @param itemBytesAfter   size of the item the request wrote; {@code -1} when it wrote none
 * @param applied          false when a condition rejected the write
 */
public record WireOp(String kind, long itemBytesBefore, long itemBytesAfter, boolean applied) {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String DELETE = "delete";

    public WireOp {
        if (!READ.equals(kind) && !WRITE.equals(kind) && !DELETE.equals(kind)) {
            throw new IllegalArgumentException("kind must be read, write or delete, was " + kind);
        }
        if (itemBytesBefore < -1 || itemBytesAfter < -1) {
            throw new IllegalArgumentException("item sizes must be >= -1, were " + itemBytesBefore + ", " + itemBytesAfter);
        }
    }

    public static WireOp read(long itemBytes) {
        return new WireOp(READ, itemBytes, -1, true);
    }

    public static WireOp write(long before, long after, boolean applied) {
        return new WireOp(WRITE, before, after, applied);
    }

    public static WireOp delete(long before) {
        return new WireOp(DELETE, before, -1, true);
    }
}
