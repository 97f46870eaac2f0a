package dev.fameharness.agent.strategy;

import dev.fameharness.agent.MemoryNote;
import java.util.List;

/**
 * A session's memory across turns. A turn loads it at its start and appends what it learned at its end;
 * simultaneous turns of one session must not lose each other's notes (implementations use conditional
 * writes).
 */
public interface SessionMemory {

    String name();

    List<MemoryNote> load(String sessionId);

    void append(String sessionId, List<MemoryNote> notes);

    /** No memory: every turn starts from nothing. */
    SessionMemory NONE = new SessionMemory() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public List<MemoryNote> load(String sessionId) {
            return List.of();
        }

        @Override
        public void append(String sessionId, List<MemoryNote> notes) {
            // nothing is kept
        }
    };
}
