package dev.fameharness.strategies.state;

import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Values as items of a key-value store ({@code kv://} references). A range read fetches the whole item (a
 * key-value store has no range read) and is billed so. An item over the store's limit fails with the
 * store's own limit error unless {@code chunkBytes > 0}, in which case the value is split into items of at
 * most that size plus a manifest item.
 */
public final class KeyValueValueStore implements ValueStore {

    private static final String CHUNKS = "chunks:";
    /** A manifest item is exactly {@code chunks:<n>}; nothing else is read as one. */
    private static final java.util.regex.Pattern MANIFEST = java.util.regex.Pattern.compile("chunks:\\d{1,9}");

    private final KeyValueStore kv;
    private final int chunkBytes;
    private final Duration ttl;

    public KeyValueValueStore(KeyValueStore kv, int chunkBytes, Duration ttl) {
        this.kv = Objects.requireNonNull(kv, "kv");
        if (chunkBytes < 0) {
            throw new IllegalArgumentException("chunkBytes must be >= 0, was " + chunkBytes);
        }
        this.chunkBytes = chunkBytes;
        this.ttl = ttl;
    }

    @Override
    public String put(String key, byte[] bytes) {
        // A value that itself looks like a manifest is stored as one chunk, so that reads are never ambiguous.
        if (chunkBytes > 0 && (bytes.length > chunkBytes || isManifest(bytes))) {
            int n = (bytes.length + chunkBytes - 1) / chunkBytes;
            for (int i = 0; i < n; i++) {
                int from = i * chunkBytes;
                kv.put(key + "#" + i, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkBytes)), ttl);
            }
            kv.put(key, (CHUNKS + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII), ttl);
        } else {
            kv.put(key, bytes, ttl);
        }
        return "kv://" + key;
    }

    @Override
    public Optional<byte[]> get(String ref) {
        String key = keyOf(ref);
        Optional<Versioned> item = kv.get(key);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        byte[] value = item.get().value();
        if (chunkBytes > 0 && isManifest(value)) {
            int n = Integer.parseInt(new String(value, java.nio.charset.StandardCharsets.US_ASCII).substring(CHUNKS.length()));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                Optional<Versioned> chunk = kv.get(key + "#" + i);
                if (chunk.isEmpty()) {
                    return Optional.empty();
                }
                out.writeBytes(chunk.get().value());
            }
            return Optional.of(out.toByteArray());
        }
        return Optional.of(value);
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        return get(ref).map(v -> Arrays.copyOfRange(v, (int) Math.min(offset, v.length),
                (int) Math.min(v.length, offset + length)));
    }

    private static boolean isManifest(byte[] value) {
        return value.length <= CHUNKS.length() + 9
                && MANIFEST.matcher(new String(value, java.nio.charset.StandardCharsets.US_ASCII)).matches();
    }

    static String keyOf(String ref) {
        if (!ref.startsWith("kv://")) {
            throw new IllegalArgumentException("not a key-value reference: " + ref);
        }
        return ref.substring("kv://".length());
    }
}
