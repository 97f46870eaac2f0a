package dev.fameharness.agent.strategy;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.MemoryNote;
import java.util.List;

/**
 * A session's memory across turns. A turn loads it at its start and appends what it learned at its end;
 * simultaneous turns of one session must not lose each other's notes (implementations use conditional
 * writes). Where the memory lives is the strategy: in a store the functions read and write (FAME, single
 * store), or with the client, which sends it with every request ({@link #carriedByClient()}).
 */
public interface SessionMemory {

    String name();

    List<MemoryNote> load(String sessionId);

    void append(String sessionId, List<MemoryNote> notes);

    /** What a finished turn leaves in this memory. Default: the small working-memory notes. */
    default List<MemoryNote> notesOf(AgentState finished) {
        return MemoryNotes.working(finished);
    }

    /**
     * True when the client keeps the memory and sends it in the request (the execution input), so the
     * functions neither load nor save it.
     */
    default boolean carriedByClient() {
        return false;
    }

    /** No memory: every turn starts from the request alone. */
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

        @Override
        public List<MemoryNote> notesOf(AgentState finished) {
            return List.of();
        }
    };
}
