package dev.fameharness.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.cloud.CloudTarget;
import dev.fameharness.runner.cloud.LambdaArtifact;
import dev.fameharness.runner.cloud.StackClients;
import dev.fameharness.runner.cloud.StackDeployer;
import dev.fameharness.runner.cloud.StackDestroyer;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.Scenarios;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The generated template of {@code fame}, deployed into LocalStack with {@code fame deploy}'s code
 * ({@link StackDeployer}: artifact upload, CreateStack, waiter), then one turn of a session run through the
 * deployed state machine (planner, actor with the tool-server function, evaluator on Lambda; state in DynamoDB and
 * S3), then {@link StackDestroyer}. Skipped cleanly where no Docker engine runs (the
 * {@code disabledWithoutDocker} switch), and aborted with a reason where the deployment jar was not built
 * ({@value LambdaArtifact#BUILD_COMMAND}).
 *
 * <p>Two LocalStack accommodations, both in this test only: the functions' store endpoints are rewritten from the
 * regional AWS endpoints to LocalStack's ({@code localhost.localstack.cloud} resolves to LocalStack inside its
 * Lambda containers), and the corpus is mounted into the Lambda containers at the template's default
 * {@code CorpusPath} ({@code LAMBDA_DOCKER_FLAGS}), where on AWS a layer would hold it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDeployIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CORPUS = ROOT.resolve("../shared/corpus").normalize();
    private static final String LOCALSTACK_ENDPOINT = "http://localhost.localstack.cloud:4566";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("cloudformation", "s3", "lambda", "stepfunctions", "dynamodb", "iam", "logs", "sts")
            .withEnv("LAMBDA_DOCKER_FLAGS", "-v " + CORPUS + ":/opt/corpus:ro")
            .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");

    private static String toolServer() {
        var scenarios = Scenarios.discover();
        try (var opened = scenarios.get(scenarios.defaultName()).open(ScenarioOptions.defaults())) {
            return opened.toolServers().get(0).serverName();
        }
    }

    /** The template with every function's store endpoints pointed at LocalStack. */
    private static String localTemplate(StackTemplate template) throws Exception {
        ObjectNode t = template.toJson();
        t.path("Resources").forEach(r -> {
            JsonNode vars = r.path("Properties").path("Environment").path("Variables");
            if (vars instanceof ObjectNode env) {
                for (String key : new String[] {"FAME_DYNAMODB_ENDPOINT", "FAME_S3_ENDPOINT"}) {
                    if (env.has(key)) {
                        env.put(key, LOCALSTACK_ENDPOINT);
                    }
                }
            }
        });
        return JSON.writeValueAsString(t);
    }

    @Test
    void should_deploy_the_fame_template_run_one_turn_through_the_state_machine_and_destroy_it() throws Exception {
        LambdaArtifact jar;
        try {
            jar = LambdaArtifact.locate(null, ROOT);
        } catch (ConfigException e) {
            Assumptions.abort("LocalStack deployment needs the deployment jar: " + e.getMessage());
            return;
        }
        String stack = "fame-localstack";
        StackTemplate template = new StackTemplate(PresetCatalog.discover().get("fame"), stack, "localstack",
                "lss1", toolServer());
        CloudTarget target = new CloudTarget(LOCALSTACK.getRegion(), Optional.of(LOCALSTACK.getEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey())));
        try (CloudFormationClient cfn = target.cloudFormation(); S3Client s3 = target.s3();
             SfnClient sfn = SfnClient.builder().endpointOverride(LOCALSTACK.getEndpoint())
                     .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(target.credentials()).build()) {
            StackClients clients = new StackClients(cfn, s3, target.region(), Duration.ofSeconds(2),
                    Duration.ofMinutes(10), System.out);
            StackDeployer.Result deployed = new StackDeployer(clients).deploy(new StackDeployer.Request(stack,
                    localTemplate(template),
                    Map.of("Model", "simulated"), Map.of("fame:stack", stack, "fame:run", "localstack"), jar,
                    StackDeployer.defaultArtifactBucket(stack, target.region())));
            assertThat(deployed.outputs()).containsKeys("StateMachineArn", "TableName", "BucketName");

            String input;
            try (InputStream in = LocalStackDeployIT.class.getResourceAsStream("/events/turn-start.json")) {
                input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String execution = sfn.startExecution(r -> r.stateMachineArn(deployed.outputs().get("StateMachineArn"))
                    .name("turn-1").input(input)).executionArn();
            DescribeExecutionResponse done = sfn.describeExecution(r -> r.executionArn(execution));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (done.status() == ExecutionStatus.RUNNING && Instant.now().isBefore(deadline)) {
                Thread.sleep(2_000); // polling the execution's status, as a client of Step Functions does
                done = sfn.describeExecution(r -> r.executionArn(execution));
            }
            assertThat(done.status()).as("execution %s: %s %s", execution, done.error(), done.cause())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output.path("verdict").asText()).isEqualTo("accept");

            StackDestroyer.Result destroyed = new StackDestroyer(clients).destroy(stack);
            assertThat(destroyed.absent()).isFalse();
            assertThat(destroyed.removed()).anyMatch(l -> l.startsWith("AWS::Lambda::Function " + stack + "-planner"));
            assertThat(new StackDestroyer(clients).destroy(stack).absent()).isTrue();
        }
    }
}
