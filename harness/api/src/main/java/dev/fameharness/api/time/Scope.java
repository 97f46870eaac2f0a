package dev.fameharness.api.time;

import dev.fameharness.api.metering.Tags;

/**
 * The tags (architecture, session, turn, role) of the code running now, so that every metered event is
 * attributed without threading tags through every call. Processes started with
 * {@link Clock#spawn} inherit their parent's tags.
 */
public final class Scope implements AutoCloseable {

    private static final ThreadLocal<Tags> CURRENT = ThreadLocal.withInitial(() -> Tags.NONE);

    private final Tags previous;

    private Scope(Tags previous) {
        this.previous = previous;
    }

    /** The tags in force for the calling thread. */
    public static Tags current() {
        return CURRENT.get();
    }

    /** Replaces the current tags until {@link #close()}. */
    public static Scope with(Tags tags) {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(tags);
        return scope;
    }

    /** Sets the role only, keeping the other tags. */
    public static Scope withRole(String role) {
        return with(current().withRole(role));
    }

    /** Used by clock implementations to install a parent's tags in a new process thread. */
    public static void install(Tags tags) {
        CURRENT.set(tags);
    }

    @Override
    public void close() {
        CURRENT.set(previous);
    }
}
