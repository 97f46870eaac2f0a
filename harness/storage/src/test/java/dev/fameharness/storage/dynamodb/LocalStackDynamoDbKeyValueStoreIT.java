package dev.fameharness.storage.dynamodb;

import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.storage.AwsClients;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The same contract on LocalStack's DynamoDB; skipped where no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDynamoDbKeyValueStoreIT extends AbstractDynamoDbKeyValueStoreIT {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");

    private static final ManualClock CLOCK = new ManualClock();
    private static DynamoDbKeyValueStore store;

    @BeforeAll
    static void connect() {
        BackendConfig config = BackendConfig.local(BackendConfig.DYNAMODB)
                .withEndpoint(LOCALSTACK.getEndpoint())
                .withRegion(LOCALSTACK.getRegion())
                .withCredentials(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
        store = new DynamoDbKeyValueStore(AwsClients.dynamoDb(config), "contract", CLOCK, true).createTableIfMissing();
    }

    @AfterAll
    static void disconnect() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected KeyValueStore store() {
        return store;
    }

    @Override
    protected ManualClock clock() {
        return CLOCK;
    }
}
