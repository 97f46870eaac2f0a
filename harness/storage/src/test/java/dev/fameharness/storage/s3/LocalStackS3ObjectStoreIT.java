package dev.fameharness.storage.s3;

import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.storage.AbstractObjectStoreIT;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The same contract on LocalStack's S3; skipped where no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackS3ObjectStoreIT extends AbstractObjectStoreIT {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3");

    private static S3ObjectStore store;

    @BeforeAll
    static void connect() {
        BackendConfig config = BackendConfig.local(BackendConfig.S3)
                .withEndpoint(LOCALSTACK.getEndpoint())
                .withRegion(LOCALSTACK.getRegion())
                .withCredentials(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
        store = new S3ObjectStore(AwsClients.s3(config), "contract", true).createBucketIfMissing();
    }

    @AfterAll
    static void disconnect() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }
}
