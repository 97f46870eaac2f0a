package dev.fameharness.strategies.state;

import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.storage.Backend;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.Backends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Session memory on a redis-server child process (launched once for the class through the factory). */
class StoreSessionMemoryRedisIT extends AbstractStoreSessionMemoryIT {

    private static Backend<KeyValueStore> backend;

    @BeforeAll
    static void start() {
        backend = Backends.keyValueStore(BackendConfig.local(BackendConfig.REDIS).withName("memory-it:"), CLOCK);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Override
    protected KeyValueStore store() {
        return backend.store();
    }
}
