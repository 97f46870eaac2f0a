package dev.fameharness.faults;

import dev.fameharness.api.store.Consistency;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.Versioned;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Throws the queued failures, one per write request. With {@link #applyBeforeFailing} the write is applied first
 * and then the failure thrown: the ambiguous case of a timeout or lost connection after the server committed.
 * {@link #afterAmbiguousWrite} runs right after such an applied-then-failed write (another writer's turn).
 */
final class FlakyKeyValueStore implements KeyValueStore {

    final InMemoryKeyValueStore store;
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    boolean applyBeforeFailing;
    Runnable afterAmbiguousWrite = () -> { };
    int writeAttempts;

    FlakyKeyValueStore(InMemoryKeyValueStore store) {
        this.store = store;
    }

    @Override
    public String backend() {
        return store.backend();
    }

    @Override
    public Optional<Versioned> get(String key, Consistency consistency) {
        return store.get(key, consistency);
    }

    @Override
    public long put(String key, byte[] value, Duration ttl) {
        return write(() -> store.put(key, value, ttl));
    }

    @Override
    public long putIfVersion(String key, byte[] value, long expectedVersion, Duration ttl) {
        return write(() -> store.putIfVersion(key, value, expectedVersion, ttl));
    }

    private long write(java.util.function.LongSupplier op) {
        writeAttempts++;
        RuntimeException failure = failures.poll();
        if (failure == null) {
            return op.getAsLong();
        }
        if (applyBeforeFailing) {
            op.getAsLong();
            afterAmbiguousWrite.run();
        }
        throw failure;
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void close() {
    }
}
