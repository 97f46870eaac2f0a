package dev.fameharness.strategies.state;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.RetriableTurnFailure;
import dev.fameharness.agent.strategy.Envelopes;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.api.store.Versioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Session memory as one item per session in a key-value store, updated with optimistic concurrency:
 * read the item and its version, merge, put only if the version is unchanged, retry on conflict. Simultaneous
 * turns therefore never lose each other's notes. The memory is bounded to the newest {@code maxNotes} notes.
 */
public final class StoreSessionMemory implements SessionMemory {

    private static final TypeReference<List<MemoryNote>> NOTES = new TypeReference<>() { };

    private final String name;
    private final KeyValueStore kv;
    private final int maxNotes;
    private final int maxAttempts;
    private final Duration ttl;

    public StoreSessionMemory(String name, KeyValueStore kv, int maxNotes, int maxAttempts, Duration ttl) {
        this.name = Objects.requireNonNull(name, "name");
        this.kv = Objects.requireNonNull(kv, "kv");
        if (maxNotes < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxNotes and maxAttempts must be >= 1");
        }
        this.maxNotes = maxNotes;
        this.maxAttempts = maxAttempts;
        this.ttl = ttl;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<MemoryNote> load(String sessionId) {
        return kv.get(Keys.memory(sessionId)).map(v -> parse(v.value())).orElse(List.of());
    }

    @Override
    public void append(String sessionId, List<MemoryNote> notes) {
        String key = Keys.memory(sessionId);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Optional<Versioned> current = kv.get(key);
            List<MemoryNote> merged = new ArrayList<>(current.map(v -> parse(v.value())).orElse(List.of()));
            merged.addAll(notes);
            if (merged.size() > maxNotes) {
                merged = new ArrayList<>(merged.subList(merged.size() - maxNotes, merged.size()));
            }
            try {
                kv.putIfVersion(key, bytes(merged), current.map(Versioned::version).orElse(0L), ttl);
                return;
            } catch (VersionConflictException conflict) {
                // another turn of this session saved first: merge again on its version
            }
        }
        throw new RetriableTurnFailure("session memory of " + sessionId + " still conflicted after "
                + maxAttempts + " attempts", null);
    }

    private static List<MemoryNote> parse(byte[] json) {
        try {
            return Envelopes.json().readValue(json, NOTES);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupted session memory item", e);
        }
    }

    private static byte[] bytes(List<MemoryNote> notes) {
        try {
            return Envelopes.json().writeValueAsBytes(notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
