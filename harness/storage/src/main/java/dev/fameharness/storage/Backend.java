package dev.fameharness.storage;

import dev.fameharness.storage.server.LaunchedServer;
import java.util.Objects;
import java.util.Optional;

/**
 * A store together with the server launched for it (none when the config named an endpoint). Closing it
 * closes the store, then stops the server.
 */
public record Backend<S extends AutoCloseable>(S store, Optional<LaunchedServer> server) implements AutoCloseable {

    public Backend {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(server, "server");
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close " + store + ": " + e.getMessage(), e);
        } finally {
            server.ifPresent(LaunchedServer::close);
        }
    }
}
