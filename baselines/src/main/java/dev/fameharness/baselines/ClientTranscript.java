package dev.fameharness.baselines;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.strategy.MemoryNotes;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.agent.strategy.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The history-carrying baseline's memory: what practitioners deploy when the functions keep nothing, the
 * client (a chat front end) keeps the conversation and sends all of it back with every request. Every earlier
 * request, tool call with its whole output, and answer of the session travels in the execution input, through
 * every state's payload, and into every prompt, so payloads and input tokens grow over a session until Step
 * Functions (256 KiB per state) or the model's context window refuses the turn.
 *
 * <p>The transcript lives in the client process (the harness's session driver), as a chat client's message
 * list does; no back end holds it. Simultaneous turns of a session each send the transcript as it was when
 * they were sent; each appends its own exchange when it returns.
 */
public final class ClientTranscript implements SessionMemory {

    private final Map<String, List<MemoryNote>> sessions = new HashMap<>();

    @Override
    public String name() {
        return "client-transcript";
    }

    @Override
    public synchronized List<MemoryNote> load(String sessionId) {
        return List.copyOf(sessions.getOrDefault(sessionId, List.of()));
    }

    @Override
    public synchronized void append(String sessionId, List<MemoryNote> notes) {
        sessions.computeIfAbsent(sessionId, k -> new ArrayList<>()).addAll(notes);
    }

    @Override
    public List<MemoryNote> notesOf(AgentState finished) {
        return MemoryNotes.transcript(finished);
    }

    @Override
    public boolean carriedByClient() {
        return true;
    }

    /** The client around a topology: sends the transcript with the request, appends the exchange after. */
    public Topology client(Topology inner) {
        Objects.requireNonNull(inner, "inner");
        return new Topology() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public AgentState run(AgentState initial) {
                AgentState done = inner.run(initial.withMemory(load(initial.sessionId())));
                append(done.sessionId(), notesOf(done));
                return done;
            }
        };
    }
}
