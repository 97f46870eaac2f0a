package dev.fameharness.storage.server;

import java.net.URI;

/**
 * A back-end server the harness starts itself on 127.0.0.1 and a free port. Constructors validate and do no
 * I/O; {@link #start()} launches and waits for readiness within a timeout; {@link #close()} stops it
 * (idempotent). Start times are kept because the project reports them.
 */
public interface LaunchedServer extends AutoCloseable {

    /** Launches the server and returns once it accepts requests. Starting twice is an error. */
    void start();

    /** Where clients connect, for example {@code http://127.0.0.1:41234} or {@code redis://127.0.0.1:41234}. */
    URI endpoint();

    /** Host clients connect to (always {@code 127.0.0.1}). */
    default String host() {
        return "127.0.0.1";
    }

    int port();

    /** Wall milliseconds {@link #start()} took, from launch to readiness. */
    long startMillis();

    boolean isRunning();

    @Override
    void close();
}
