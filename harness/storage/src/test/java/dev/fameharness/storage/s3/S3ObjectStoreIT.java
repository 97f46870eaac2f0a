package dev.fameharness.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.storage.AbstractObjectStoreIT;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on S3Proxy (in this JVM, transient blob store). */
class S3ObjectStoreIT extends AbstractObjectStoreIT {

    private static S3ProxyServer server;
    private static S3ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = new S3ProxyServer();
        server.start();
        System.out.println("[fame-storage] S3Proxy started in " + server.startMillis() + " ms at " + server.endpoint());
        BackendConfig config = BackendConfig.local(BackendConfig.S3).withEndpoint(server.endpoint())
                .withCredentials(server.accessKey(), server.secretKey());
        store = new S3ObjectStore(AwsClients.s3(config), "contract", true).createBucketIfMissing();
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Test
    void should_listen_on_loopback_and_record_start_time() {
        assertThat(server.endpoint().toString()).startsWith("http://127.0.0.1:");
        assertThat(server.startMillis()).isPositive();
        assertThat(store.createBucketIfMissing()).isSameAs(store);
    }
}
