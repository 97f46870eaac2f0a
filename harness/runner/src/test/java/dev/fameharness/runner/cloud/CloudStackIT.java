package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link StackDeployer} and {@link StackDestroyer} with the real SDK clients: CloudFormation against
 * {@link FakeCloudFormation} (the Query wire protocol), S3 against S3Proxy (a real S3 REST server). What reaches
 * CloudFormation is read back from the requests the fake recorded.
 */
class CloudStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static S3ProxyServer s3server;
    private static S3Client s3;
    private static PresetCatalog catalog;

    @TempDir
    Path dir;
    private FakeCloudFormation fake;
    private CloudFormationClient cfn;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void startS3() {
        s3server = new S3ProxyServer(BackendConfig.DUMMY_ACCESS_KEY, BackendConfig.DUMMY_SECRET_KEY, Duration.ofSeconds(60));
        s3server.start();
        s3 = new CloudTarget(REGION, Optional.of(s3server.endpoint()), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(BackendConfig.DUMMY_ACCESS_KEY, BackendConfig.DUMMY_SECRET_KEY))).s3();
        catalog = PresetCatalog.discover();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        s3server.close();
    }

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeCloudFormation();
        cfn = new CloudTarget(REGION, Optional.of(fake.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).cloudFormation();
    }

    @AfterEach
    void stopFake() {
        cfn.close();
        fake.close();
    }

    private StackDeployer deployer() {
        return new StackDeployer(clients());
    }

    private StackDestroyer destroyer() {
        return new StackDestroyer(clients());
    }

    private StackClients clients() {
        return new StackClients(cfn, s3, REGION, Duration.ofMillis(20), Duration.ofSeconds(30),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private LambdaArtifact jar(String content) throws Exception {
        Path file = dir.resolve("fame-aws-0.1.0-SNAPSHOT-lambda.jar");
        Files.writeString(file, content);
        return LambdaArtifact.locate(file, dir);
    }

    private static String stackName() {
        return "it-stack-" + STACKS.incrementAndGet();
    }

    private static StackTemplate template(String preset, String stack) {
        return new StackTemplate(catalog.get(preset), stack, "run-7", "run7s1", "papers");
    }

    private StackDeployer.Request request(String stack, String body, LambdaArtifact jar) {
        return new StackDeployer.Request(stack, body, Map.of("Model", "simulated"),
                Map.of("fame:stack", stack, "fame:run", "run-7"), jar,
                StackDeployer.defaultArtifactBucket(stack, REGION));
    }

    private byte[] object(String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    @Test
    void should_create_the_stack_with_the_template_parameters_tags_and_capabilities_and_return_its_outputs() throws Exception {
        String stack = stackName();
        StackTemplate t = template("fame", stack);
        LambdaArtifact jar = jar("jar bytes of " + stack);

        StackDeployer.Result result = deployer().deploy(request(stack, t.render(), jar));

        Map<String, String> create = fake.requests("CreateStack").get(0);
        assertThat(create.get("StackName")).isEqualTo(stack);
        assertThat(create.get("TemplateBody")).isEqualTo(t.render());
        assertThat(create).doesNotContainKey("TemplateURL");
        assertThat(FakeCloudFormation.members(create, "Capabilities", "")).containsExactly("CAPABILITY_IAM");
        assertThat(FakeCloudFormation.pairs(create, "Tags", "Key", "Value"))
                .containsEntry("fame:stack", stack).containsEntry("fame:run", "run-7");
        String bucket = StackDeployer.defaultArtifactBucket(stack, REGION);
        assertThat(FakeCloudFormation.pairs(create, "Parameters", "ParameterKey", "ParameterValue"))
                .containsEntry("Model", "simulated").containsEntry("ArtifactBucket", bucket)
                .containsEntry("ArtifactKey", jar.key(stack));
        assertThat(jar.key(stack)).startsWith("fame/" + stack + "/" + jar.sha256().substring(0, 16));
        assertThat(new String(object(bucket, jar.key(stack)), StandardCharsets.UTF_8)).isEqualTo("jar bytes of " + stack);
        assertThat(result.action()).isEqualTo("CREATED");
        assertThat(result.stackId()).startsWith("arn:aws:cloudformation:");
        assertThat(result.outputs()).containsEntry("TableName", t.storeName()).containsEntry("BucketName", t.storeName())
                .containsEntry("PlannerFunctionName", stack + "-planner")
                .containsEntry("StateMachineArn", "arn:aws:states:us-east-1:000000000000:stateMachine:" + stack + "-turn");
        assertThat(result.uploaded()).containsExactly("s3://" + bucket + "/" + jar.key(stack));
    }

    @Test
    void should_neither_upload_again_nor_fail_when_the_same_stack_is_deployed_twice() throws Exception {
        String stack = stackName();
        String body = template("fame", stack).render();
        LambdaArtifact jar = jar("same jar");
        deployer().deploy(request(stack, body, jar));

        StackDeployer.Result again = deployer().deploy(request(stack, body, jar));

        assertThat(again.action()).isEqualTo("UNCHANGED");
        assertThat(again.uploaded()).isEmpty();
        assertThat(fake.requests("UpdateStack")).hasSize(1);
        assertThat(fake.requests("CreateStack")).hasSize(1);
    }

    @Test
    void should_pass_a_template_over_51200_bytes_as_a_template_url_to_the_copy_in_s3() throws Exception {
        String stack = stackName();
        ObjectNode big = template("fame", stack).toJson();
        big.putObject("Metadata").put("padding", "x".repeat(StackDeployer.MAX_TEMPLATE_BODY_BYTES));
        String body = JSON.writeValueAsString(big);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(StackDeployer.MAX_TEMPLATE_BODY_BYTES);

        StackDeployer.Result result = deployer().deploy(request(stack, body, jar("jar")));

        Map<String, String> create = fake.requests("CreateStack").get(0);
        assertThat(create).doesNotContainKey("TemplateBody");
        String url = create.get("TemplateURL");
        String bucket = StackDeployer.defaultArtifactBucket(stack, REGION);
        String key = url.substring(url.indexOf(bucket + "/") + bucket.length() + 1);
        assertThat(key).startsWith("fame/" + stack + "/template-").endsWith(".json");
        assertThat(url).startsWith(s3server.endpoint().toString());
        assertThat(new String(object(bucket, key), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(result.uploaded()).hasSize(2);
    }

    @Test
    void should_report_the_failed_resources_reason_from_the_stack_events_when_the_create_rolls_back() throws Exception {
        String stack = stackName();
        fake.failNextCreate("ActorFunction", "AWS::Lambda::Function",
                "Resource handler returned message: \"Unzipped size must be smaller than 262144000 bytes\"");

        assertThatThrownBy(() -> deployer().deploy(request(stack, template("fame", stack).render(), jar("j"))))
                .isInstanceOf(StackOperationException.class)
                .hasMessageContaining("ROLLBACK_COMPLETE")
                .hasMessageContaining("ActorFunction (AWS::Lambda::Function) CREATE_FAILED")
                .hasMessageContaining("Unzipped size must be smaller than 262144000 bytes")
                .satisfies(e -> assertThat(((StackOperationException) e).reasons()).hasSize(1));
        assertThat(fake.requests("DescribeStackEvents")).isNotEmpty();
        assertThatThrownBy(() -> deployer().deploy(request(stack, template("fame", stack).render(), jar("j"))))
                .hasMessageContaining("ROLLBACK_COMPLETE").hasMessageContaining("fame destroy --stack " + stack);
    }

    @Test
    void should_empty_the_buckets_delete_the_stack_and_the_uploads_and_list_what_it_removed() throws Exception {
        String stack = stackName();
        StackTemplate t = template("fame", stack);
        LambdaArtifact jar = jar("to be removed");
        deployer().deploy(request(stack, t.render(), jar));
        // What CloudFormation would have created: the data bucket, holding a run's objects.
        String data = t.storeName();
        s3.createBucket(r -> r.bucket(data));
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.putObject(r -> r.bucket(data).key("toolcache/k" + n), RequestBody.fromString("v" + n));
        }

        StackDestroyer.Result result = destroyer().destroy(stack);

        assertThat(result.absent()).isFalse();
        assertThat(s3.listObjectsV2(r -> r.bucket(data)).contents()).isEmpty();
        assertThat(fake.requests("DeleteStack")).singleElement().satisfies(r -> assertThat(r.get("StackName")).isEqualTo(stack));
        assertThat(fake.requests("ListStackResources")).isNotEmpty();
        String artifacts = StackDeployer.defaultArtifactBucket(stack, REGION);
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(artifacts));
        assertThat(result.removed()).contains(
                "3 object version(s) and delete marker(s) from bucket " + data,
                "AWS::Lambda::Function " + stack + "-planner (PlannerFunction)",
                "AWS::Logs::LogGroup /aws/lambda/" + stack + "-planner (PlannerFunctionLogs)",
                "AWS::Logs::LogGroup /aws/lambda/" + stack + "-papers (ToolServerFunctionLogs)",
                "AWS::DynamoDB::Table " + data + " (StateTable)",
                "1 deployment object version(s) under s3://" + artifacts + "/fame/" + stack + "/",
                "artifact bucket " + artifacts + " (created by deploy)");
        assertThat(result.removed()).anyMatch(l -> l.startsWith("stack " + stack + " (arn:aws:cloudformation:"));
        assertThat(fake.stack(stack)).isEmpty();
    }

    @Test
    void should_say_the_stack_is_absent_and_delete_nothing_when_there_is_no_stack() {
        StackDestroyer.Result result = destroyer().destroy("never-deployed");

        assertThat(result.absent()).isTrue();
        assertThat(result.removed()).isEmpty();
        assertThat(fake.requests()).extracting(r -> r.get("Action")).containsOnly("DescribeStacks");
    }

    @Test
    void should_keep_an_artifact_bucket_it_did_not_create() throws Exception {
        String stack = stackName();
        String own = "my-own-artifacts-" + STACKS.incrementAndGet();
        s3.createBucket(r -> r.bucket(own));
        s3.putObject(r -> r.bucket(own).key("unrelated"), RequestBody.fromString("keep me"));
        deployer().deploy(new StackDeployer.Request(stack, template("fame", stack).render(), Map.of(),
                Map.of("fame:stack", stack), jar("j"), own));

        StackDestroyer.Result result = destroyer().destroy(stack);

        assertThat(s3.listObjectsV2(r -> r.bucket(own)).contents()).extracting(o -> o.key()).containsExactly("unrelated");
        assertThat(result.removed()).noneMatch(l -> l.startsWith("artifact bucket"));
        assertThat(result.removed()).contains("1 deployment object version(s) under s3://" + own + "/fame/" + stack + "/");
    }

    @Test
    void should_refuse_a_parameter_the_template_does_not_declare_before_creating_anything() throws Exception {
        String stack = stackName();
        StackDeployer.Request r = new StackDeployer.Request(stack, template("fame", stack).render(),
                Map.of("Modell", "simulated"), Map.of(), jar("j"), StackDeployer.defaultArtifactBucket(stack, REGION));

        assertThatThrownBy(() -> deployer().deploy(r)).hasMessageContaining("--parameter Modell")
                .hasMessageContaining("CorpusPath");
        assertThat(fake.requests()).isEmpty();
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(StackDeployer.defaultArtifactBucket(stack, REGION)));
    }

    @Test
    void should_name_the_parameters_a_redis_stack_needs_before_sending_anything() throws Exception {
        String stack = stackName();

        assertThatThrownBy(() -> deployer().deploy(request(stack, template("fame-redis", stack).render(), jar("j"))))
                .hasMessageContaining("[SubnetIds, SecurityGroupIds]").hasMessageContaining("--parameter KEY=VALUE");
        assertThat(fake.requests()).isEmpty();
    }
}
