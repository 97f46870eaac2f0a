package dev.fameharness.agent;

import java.util.Objects;

/**
 * One entry of a session's memory: what an earlier turn concluded (a summary of a paper, an answer, a
 * reference to an artifact it stored). {@code subject} is what it is about, e.g. {@code paper:<id>}.
 */
public record MemoryNote(String turnId, String kind, String subject, String text) {

    public MemoryNote {
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
