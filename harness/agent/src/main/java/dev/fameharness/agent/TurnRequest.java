package dev.fameharness.agent;

import java.util.Objects;

/**
 * What a user asks in one turn of a session. The text is all the agent sees of the task; the harness keeps
 * what it needs for scoring elsewhere.
 */
public record TurnRequest(String sessionId, String turnId, String text) {

    public TurnRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(text, "text");
    }
}
