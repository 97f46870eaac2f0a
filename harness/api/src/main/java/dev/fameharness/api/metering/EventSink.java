package dev.fameharness.api.metering;

/** Receives metered events. Implementations must be thread-safe (wall mode runs processes concurrently). */
@FunctionalInterface
public interface EventSink {

    void emit(Event event);

    /** Discards everything (tests that do not look at metering). */
    EventSink NONE = event -> { };
}
