package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates or updates a stack from a template, the way {@code fame deploy} does it: uploads the deployment jar to
 * the artifact bucket (under {@code fame/<stack>/}, content-addressed, skipped when already there), passes the
 * template inline when it fits {@value #MAX_TEMPLATE_BODY_BYTES} bytes and through S3 ({@code TemplateURL})
 * otherwise, creates the stack or updates it, waits with the SDK's waiters, and returns the outputs. A failed
 * operation throws {@link StackOperationException} with the failed resources' reasons from the stack events.
 */
public final class StackDeployer {

    /**
     * The largest {@code TemplateBody} CloudFormation accepts, in bytes; larger templates must be passed as a
     * {@code TemplateURL} in S3 (up to 1 MB). Source: the CloudFormation API reference as the AWS SDK documents
     * it ("template body with a minimum length of 1 byte and a maximum length of 51,200 bytes"; TemplateURL "max
     * size: 1 MB"),
     * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/cloudformation/aws.sdk.kotlin.services.cloudformation.model/-validate-template-request/-builder/index.html,
     * read 2026-12-01 (the same limit stands on CreateStack and UpdateStack).
     */
    public static final int MAX_TEMPLATE_BODY_BYTES = 51_200;
    /** Where deploy puts what it uploads for a stack; destroy removes this prefix. */
    public static final String PREFIX = "fame/";

    /** What to deploy. {@code parameters} and {@code tags} are passed as given (ArtifactBucket/Key are added). */
    public record Request(String stack, String templateBody, Map<String, String> parameters, Map<String, String> tags,
                          LambdaArtifact artifact, String artifactBucket) {
        public Request {
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(templateBody, "templateBody");
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(artifactBucket, "artifactBucket");
            parameters = Map.copyOf(parameters);
            tags = new LinkedHashMap<>(tags);
        }
    }

    /** What happened: CREATED, UPDATED or UNCHANGED, the stack id, its outputs and the S3 objects uploaded. */
    public record Result(String stack, String action, String stackId, SortedMap<String, String> outputs,
                         List<String> uploaded) {
        public Result {
            outputs = new TreeMap<>(outputs);
            uploaded = List.copyOf(uploaded);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackClients aws;

    public StackDeployer(StackClients aws) {
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    /** The artifact bucket deploy creates when none is named: {@code fame-artifacts-<stack>-<region>}, lower case. */
    public static String defaultArtifactBucket(String stack, String region) {
        String name = ("fame-artifacts-" + stack + "-" + region).toLowerCase(Locale.ROOT);
        if (name.length() > 63) {
            throw new ConfigException("the default artifact bucket name '" + name + "' is longer than S3's 63 "
                    + "characters; name a bucket with --artifact-bucket");
        }
        return name;
    }

    /** The capabilities a template needs: CAPABILITY_NAMED_IAM when a role or policy is named, CAPABILITY_IAM else. */
    static List<Capability> capabilities(JsonNode template) {
        boolean iam = false;
        boolean named = false;
        for (JsonNode r : template.path("Resources")) {
            String type = r.path("Type").asText();
            if (type.startsWith("AWS::IAM::")) {
                iam = true;
                JsonNode p = r.path("Properties");
                named |= p.has("RoleName") || p.has("ManagedPolicyName") || p.has("UserName") || p.has("GroupName");
            }
        }
        return named ? List.of(Capability.CAPABILITY_NAMED_IAM) : iam ? List.of(Capability.CAPABILITY_IAM) : List.of();
    }

    public Result deploy(Request request) {
        String stack = request.stack();
        JsonNode template;
        try {
            template = JSON.readTree(request.templateBody());
        } catch (IOException e) {
            throw new ConfigException("stack " + stack + ": the template is not JSON: " + e.getMessage(), e);
        }
        for (String k : request.parameters().keySet()) {
            if (!template.path("Parameters").has(k)) {
                throw new ConfigException("--parameter " + k + ": the template of stack " + stack + " declares no such "
                        + "parameter (it declares " + iterable(template.path("Parameters").fieldNames()) + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        template.path("Parameters").fields().forEachRemaining(p -> {
            if (!p.getValue().has("Default") && !request.parameters().containsKey(p.getKey())
                    && !p.getKey().equals("ArtifactBucket") && !p.getKey().equals("ArtifactKey")) {
                missing.add(p.getKey());
            }
        });
        if (!missing.isEmpty()) {
            throw new ConfigException("stack " + stack + ": the template needs a value for " + missing + " (no default); "
                    + "pass each as --parameter KEY=VALUE (" + description(template, missing.get(0)) + ")");
        }
        Optional<Stack> existing = Stacks.describe(aws.cfn(), stack);
        if (existing.isPresent()) {
            String status = existing.get().stackStatusAsString();
            if (status.endsWith("_IN_PROGRESS")) {
                throw new ConfigException("stack " + stack + " is " + status + ": wait until it settles, then deploy again");
            }
            if ("ROLLBACK_COMPLETE".equals(status) || "ROLLBACK_FAILED".equals(status) || "DELETE_FAILED".equals(status)) {
                throw new ConfigException("stack " + stack + " is " + status + " after a failed operation and cannot be "
                        + "updated: remove it with `fame destroy --stack " + stack + " --yes`, then deploy again");
            }
        }
        List<String> uploaded = new ArrayList<>();
        ensureBucket(request.artifactBucket());
        String jarKey = request.artifact().key(stack);
        if (exists(request.artifactBucket(), jarKey)) {
            aws.log().println("artifact s3://" + request.artifactBucket() + "/" + jarKey + " already uploaded");
        } else {
            aws.log().println("uploading " + request.artifact().file() + " (" + request.artifact().sizeBytes()
                    + " bytes) to s3://" + request.artifactBucket() + "/" + jarKey);
            aws.s3().putObject(r -> r.bucket(request.artifactBucket()).key(jarKey), RequestBody.fromFile(request.artifact().file()));
            uploaded.add("s3://" + request.artifactBucket() + "/" + jarKey);
        }
        byte[] body = request.templateBody().getBytes(StandardCharsets.UTF_8);
        String templateUrl = null;
        if (body.length > MAX_TEMPLATE_BODY_BYTES) {
            String key = PREFIX + stack + "/template-" + sha16(body) + ".json";
            aws.s3().putObject(r -> r.bucket(request.artifactBucket()).key(key).contentType("application/json"),
                    RequestBody.fromBytes(body));
            uploaded.add("s3://" + request.artifactBucket() + "/" + key);
            templateUrl = aws.s3().utilities().getUrl(r -> r.bucket(request.artifactBucket()).key(key)).toExternalForm();
            aws.log().println("template is " + body.length + " bytes (> " + MAX_TEMPLATE_BODY_BYTES + " allowed inline): "
                    + "passed as " + templateUrl);
        }
        Map<String, String> params = new LinkedHashMap<>(request.parameters());
        params.put("ArtifactBucket", request.artifactBucket());
        params.put("ArtifactKey", jarKey);
        List<Parameter> parameters = new ArrayList<>();
        params.forEach((k, v) -> parameters.add(Parameter.builder().parameterKey(k).parameterValue(v).build()));
        List<Tag> tags = new ArrayList<>();
        request.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        List<Capability> capabilities = capabilities(template);
        String url = templateUrl;
        String action;
        String stackId;
        if (existing.isEmpty()) {
            aws.log().println("creating stack " + stack + " (capabilities " + capabilities + ")");
            stackId = aws.cfn().createStack(r -> {
                r.stackName(stack).parameters(parameters).tags(tags).capabilities(capabilities);
                if (url == null) {
                    r.templateBody(request.templateBody());
                } else {
                    r.templateURL(url);
                }
            }).stackId();
            action = "CREATED";
            await(stack, "create", () -> aws.waiter().waitUntilStackCreateComplete(r -> r.stackName(stack)));
        } else {
            aws.log().println("updating stack " + stack + " (capabilities " + capabilities + ")");
            try {
                stackId = aws.cfn().updateStack(r -> {
                    r.stackName(stack).parameters(parameters).tags(tags).capabilities(capabilities);
                    if (url == null) {
                        r.templateBody(request.templateBody());
                    } else {
                        r.templateURL(url);
                    }
                }).stackId();
                action = "UPDATED";
                await(stack, "update", () -> aws.waiter().waitUntilStackUpdateComplete(r -> r.stackName(stack)));
            } catch (CloudFormationException e) {
                if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("No updates are to be performed")) {
                    stackId = existing.get().stackId();
                    action = "UNCHANGED";
                    aws.log().println("stack " + stack + " is already up to date");
                } else {
                    throw e;
                }
            }
        }
        Stack done = Stacks.describe(aws.cfn(), stack).orElseThrow(() -> new StackOperationException(stack, "deploy",
                "absent", Stacks.failureReasons(aws.cfn(), stack), null));
        SortedMap<String, String> outputs = new TreeMap<>();
        done.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        return new Result(stack, action, stackId, outputs, uploaded);
    }

    private void await(String stack, String operation, Runnable wait) {
        try {
            wait.run();
        } catch (SdkClientException e) {
            String status = Stacks.describe(aws.cfn(), stack).map(Stack::stackStatusAsString).orElse("absent");
            throw new StackOperationException(stack, operation, status, Stacks.failureReasons(aws.cfn(), stack), e);
        }
        String status = Stacks.describe(aws.cfn(), stack).map(Stack::stackStatusAsString).orElse("absent");
        if (!status.endsWith("_COMPLETE") || status.contains("ROLLBACK")) {
            throw new StackOperationException(stack, operation, status, Stacks.failureReasons(aws.cfn(), stack), null);
        }
    }

    private void ensureBucket(String bucket) {
        try {
            aws.s3().headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new ConfigException("artifact bucket " + bucket + ": " + e.awsErrorDetails().errorMessage()
                        + " (status " + e.statusCode() + "); name a bucket you own with --artifact-bucket", e);
            }
            aws.log().println("creating artifact bucket " + bucket + " in " + aws.region());
            aws.s3().createBucket(r -> {
                r.bucket(bucket);
                if (!Region.US_EAST_1.id().equals(aws.region())) {
                    r.createBucketConfiguration(c -> c.locationConstraint(aws.region()));
                }
            });
        }
    }

    private boolean exists(String bucket, String key) {
        try {
            aws.s3().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String sha16(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String description(JsonNode template, String parameter) {
        JsonNode p = template.path("Parameters").path(parameter);
        return parameter + ": " + p.path("Type").asText() + ", " + p.path("Description").asText("no description");
    }

    private static String iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out.toString();
    }
}
