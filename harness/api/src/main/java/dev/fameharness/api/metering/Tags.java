package dev.fameharness.api.metering;

import java.util.Objects;

/**
 * Who an event belongs to. Empty strings mean "not applicable" (never null), so that events serialise the
 * same way every time.
 */
public record Tags(String architecture, String session, String turn, String role) {

    public static final Tags NONE = new Tags("", "", "", "");

    public Tags {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(role, "role");
    }

    public Tags withRole(String newRole) {
        return new Tags(architecture, session, turn, newRole);
    }

    public Tags withTurn(String newSession, String newTurn) {
        return new Tags(architecture, newSession, newTurn, role);
    }
}
