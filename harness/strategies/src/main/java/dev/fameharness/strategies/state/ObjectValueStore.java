package dev.fameharness.strategies.state;

import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.api.store.ObjectStore;
import java.util.Objects;
import java.util.Optional;

/** Values as objects of an object store ({@code s3://} references); range reads are S3 range GETs. */
public final class ObjectValueStore implements ValueStore {

    private final ObjectStore objects;

    public ObjectValueStore(ObjectStore objects) {
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    @Override
    public String put(String key, byte[] bytes) {
        objects.put(key, bytes);
        return "s3://" + key;
    }

    @Override
    public Optional<byte[]> get(String ref) {
        return objects.get(keyOf(ref));
    }

    @Override
    public Optional<byte[]> getRange(String ref, long offset, long length) {
        return objects.getRange(keyOf(ref), offset, length);
    }

    static String keyOf(String ref) {
        if (!ref.startsWith("s3://")) {
            throw new IllegalArgumentException("not an object reference: " + ref);
        }
        return ref.substring("s3://".length());
    }
}
