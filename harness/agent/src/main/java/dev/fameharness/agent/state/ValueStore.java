package dev.fameharness.agent.state;

import java.util.Optional;

/**
 * Where an architecture puts a value it does not carry in the payload: working state, artifacts, cached
 * tool responses. A value is addressed by a reference URI ({@code kv://<key>} or {@code s3://<key>}) that is
 * small enough to travel in payloads and prompts.
 */
public interface ValueStore {

    /** Stores {@code bytes} under {@code key} and returns the reference to read it back. */
    String put(String key, byte[] bytes);

    /** The whole value; empty if absent. */
    Optional<byte[]> get(String ref);

    /** Bytes {@code [offset, offset+length)} of the value (fewer at its end); empty if absent. */
    Optional<byte[]> getRange(String ref, long offset, long length);
}
