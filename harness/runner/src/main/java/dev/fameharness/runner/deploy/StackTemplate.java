package dev.fameharness.runner.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.agent.AgentConfig;
import dev.fameharness.strategies.topology.FunctionSettings;
import dev.fameharness.strategies.topology.WorkflowTopology;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.preset.Preset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation template of one preset, generated from the same preset model a local run composes (not
 * written by hand, and not through the CDK: CDK for Java drives the node CDK CLI and the jsii runtime, which
 * this project would need beside Maven; a template is plain JSON that {@code aws cloudformation deploy}, the
 * linters and LocalStack all take). What it declares:
 * <ul>
 *   <li>one Lambda function per role the preset's topology deploys (Java 21; memory from
 *       {@code function_memory_mb}; timeout 300 s for separate roles, 900 s for fused and monolithic agents as in
 *       {@link FunctionSettings}; the tool server with {@link ArchitectureFactory#TOOL_SERVER_MEMORY_MB} and
 *       120 s), each with its own log group (so destroying the stack removes the logs too) and its own role;</li>
 *   <li>the Step Functions state machine (Standard) whose definition is the ASL the local interpreter runs, with
 *       the function ARNs substituted ({@code Fn::Sub}); none for the monolithic topology, which is invoked
 *       directly;</li>
 *   <li>the DynamoDB table (on demand, key {@code pk}, TTL attribute {@link #TTL_ATTRIBUTE}), the S3 bucket
 *       (lifecycle: objects under {@code toolcache/} expire after the cache TTL rounded up to whole days, S3's
 *       granularity), ElastiCache Serverless (Redis) for the Redis presets, named as a local run names them
 *       ({@code fame-<preset>-<token>});</li>
 *   <li>least-privilege IAM: each function may write its own log group, use only its preset's table, bucket
 *       (and objects) and cache, and only the actor may invoke the tool server; the state machine may invoke only
 *       its functions;</li>
 *   <li>tags {@code fame:stack}, {@code fame:run}, {@code fame:preset} on every resource that takes tags.</li>
 * </ul>
 */
public final class StackTemplate {

    /** Placeholder ARNs in the ASL resources: {@code arn:aws:lambda:us-east-1:000000000000:function:<name>}. */
    public static final String LOCAL_ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";
    /** The DynamoDB TTL attribute (epoch seconds); see the README for what writes it. */
    public static final String TTL_ATTRIBUTE = "expires_at";
    static final String RUNTIME = "java21";
    static final int LOG_RETENTION_DAYS = 7;
    /** The Id of the bucket's request-metrics filter (S3 CloudWatch request metrics' {@code FilterId} dimension). */
    public static final String METRICS_FILTER_ID = "fame-requests";
    static final Duration ROLE_TIMEOUT = Duration.ofSeconds(300);
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);
    static final String HANDLER_PACKAGE = "dev.fameharness.aws.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One function of the stack: logical id, function name suffix, handler class, memory, timeout. */
    record Function(String logicalId, String name, String handler, int memoryMb, Duration timeout) {
    }

    private final Preset preset;
    private final String stack;
    private final String runId;
    private final String token;
    private final String toolServer;

    /**
     * @param stack      the stack name ([A-Za-z][A-Za-z0-9-]{0,127}, CloudFormation's rule)
     * @param runToken   the namespace token of the run ({@code ExperimentRunner.runToken}); names the stores
     * @param toolServer the scenario's MCP server name (the tool function's name in the ASL world)
     */
    public StackTemplate(Preset preset, String stack, String runId, String runToken, String toolServer) {
        if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new ConfigException("--stack must start with a letter and hold only letters, digits and '-' "
                    + "(at most 128), was '" + stack + "'");
        }
        this.preset = preset;
        this.stack = stack;
        this.runId = runId;
        this.token = runToken;
        this.toolServer = toolServer;
    }

    /** The store name of the preset in this run: table, bucket, Redis prefix base (as a local run names them). */
    public String storeName() {
        return ArchitectureFactory.storeName(preset, token);
    }

    List<Function> functions() {
        List<Function> fs = new ArrayList<>();
        int mb = preset.functionMemoryMb();
        switch (preset.topology()) {
            case "separate" -> {
                fs.add(new Function("PlannerFunction", "planner", "PlannerHandler", mb, ROLE_TIMEOUT));
                fs.add(new Function("ActorFunction", "actor", "ActorHandler", mb, ROLE_TIMEOUT));
                fs.add(new Function("EvaluatorFunction", "evaluator", "EvaluatorHandler", mb, ROLE_TIMEOUT));
            }
            case "fused" -> fs.add(new Function("AgentFunction", "agent", "FusedAgentHandler", mb,
                    FunctionSettings.MAX_TIMEOUT));
            default -> fs.add(new Function("AgentFunction", "agent", "MonolithicAgentHandler", mb,
                    FunctionSettings.MAX_TIMEOUT));
        }
        fs.add(new Function("ToolServerFunction", toolServer, "ToolServerHandler",
                ArchitectureFactory.TOOL_SERVER_MEMORY_MB, TOOL_TIMEOUT));
        return fs;
    }

    /** The ASL definition the local interpreter runs for this preset; empty for the monolithic topology. */
    public Optional<String> localDefinition() {
        return switch (preset.topology()) {
            case "separate" -> Optional.of(WorkflowTopology.definition(WorkflowTopology.Variant.SEPARATE,
                    AgentConfig.DEFAULT.maxIterations()));
            case "fused" -> Optional.of(WorkflowTopology.definition(WorkflowTopology.Variant.FUSED,
                    AgentConfig.DEFAULT.maxIterations()));
            default -> Optional.empty();
        };
    }

    private boolean uses(String store) {
        if ("payload".equals(preset.state())) {
            return false;
        }
        String kv = "single".equals(preset.state()) ? preset.singleStore() : preset.hotStore();
        return kv.equals(store) || ("s3".equals(store) && ("tiered".equals(preset.state()) || preset.toolCache()));
    }

    private ArrayNode tags() {
        ArrayNode tags = JSON.createArrayNode();
        tags.addObject().put("Key", "fame:stack").put("Value", stack);
        tags.addObject().put("Key", "fame:run").put("Value", runId);
        tags.addObject().put("Key", "fame:preset").put("Value", preset.name());
        return tags;
    }

    private static ObjectNode ref(String logicalId) {
        return JSON.createObjectNode().put("Ref", logicalId);
    }

    private static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode n = JSON.createObjectNode();
        n.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return n;
    }

    private static ObjectNode sub(String template) {
        return JSON.createObjectNode().put("Fn::Sub", template);
    }

    /** The template as a JSON document. */
    public ObjectNode toJson() {
        ObjectNode t = JSON.createObjectNode();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", "FAME harness: preset " + preset.name() + " (" + preset.description() + "), run " + runId
                + "; generated by `fame deploy --synth` from the preset model");
        ObjectNode params = t.putObject("Parameters");
        params.putObject("ArtifactBucket").put("Type", "String")
                .put("Description", "S3 bucket holding the deployment artifact (harness/aws, -Plambda-package)");
        params.putObject("ArtifactKey").put("Type", "String").put("Default", "fame-aws-0.1.0-SNAPSHOT-lambda.jar")
                .put("Description", "Key of the shaded jar in ArtifactBucket");
        params.putObject("Model").put("Type", "String").put("Default", "simulated")
                .put("Description", "simulated or openai").putArray("AllowedValues").add("simulated").add("openai");
        params.putObject("OpenAiApiKey").put("Type", "String").put("Default", "").put("NoEcho", true)
                .put("Description", "OPENAI_API_KEY for Model=openai");
        params.putObject("CorpusPath").put("Type", "String").put("Default", "/opt/corpus")
                .put("Description", "Folder of the corpus inside the functions (e.g. a Lambda layer mounted at /opt)");
        boolean redis = uses("redis");
        if (redis) {
            params.putObject("SubnetIds").put("Type", "List<AWS::EC2::Subnet::Id>")
                    .put("Description", "Subnets of the ElastiCache Serverless cache and the functions (VPC access)");
            params.putObject("SecurityGroupIds").put("Type", "List<AWS::EC2::SecurityGroup::Id>")
                    .put("Description", "Security groups allowing the functions to reach the cache on 6379");
        }

        ObjectNode res = t.putObject("Resources");
        String name = storeName();
        if (uses("dynamodb")) {
            ObjectNode p = resource(res, "StateTable", "AWS::DynamoDB::Table");
            p.put("TableName", name);
            p.put("BillingMode", "PAY_PER_REQUEST");
            p.putArray("AttributeDefinitions").addObject().put("AttributeName", "pk").put("AttributeType", "S");
            p.putArray("KeySchema").addObject().put("AttributeName", "pk").put("KeyType", "HASH");
            p.putObject("TimeToLiveSpecification").put("AttributeName", TTL_ATTRIBUTE).put("Enabled", true);
            p.set("Tags", tags());
        }
        if (uses("s3")) {
            ObjectNode p = resource(res, "ArtifactsBucket", "AWS::S3::Bucket");
            p.put("BucketName", name);
            ObjectNode rule = p.putObject("LifecycleConfiguration").putArray("Rules").addObject();
            rule.put("Id", "tool-cache-ttl");
            rule.put("Status", "Enabled");
            rule.put("Prefix", "toolcache/");
            rule.put("ExpirationInDays", cacheDays());
            p.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true).put("BlockPublicPolicy", true)
                    .put("IgnorePublicAcls", true).put("RestrictPublicBuckets", true);
            // S3 publishes request metrics (GetRequests, PutRequests, ...) only for a metrics filter: the whole bucket
            // here, read by `fame run --target aws` (ServiceMetrics) under this FilterId.
            p.putArray("MetricsConfigurations").addObject().put("Id", METRICS_FILTER_ID);
            p.set("Tags", tags());
        }
        if (redis) {
            ObjectNode p = resource(res, "Cache", "AWS::ElastiCache::ServerlessCache");
            p.put("ServerlessCacheName", name);
            p.put("Engine", "redis");
            p.set("SubnetIds", ref("SubnetIds"));
            p.set("SecurityGroupIds", ref("SecurityGroupIds"));
            p.set("Tags", tags());
        }

        List<Function> functions = functions();
        for (Function f : functions) {
            String fnName = stack + "-" + f.name();
            ObjectNode logs = resource(res, f.logicalId() + "Logs", "AWS::Logs::LogGroup");
            logs.put("LogGroupName", "/aws/lambda/" + fnName);
            logs.put("RetentionInDays", LOG_RETENTION_DAYS);
            logs.set("Tags", tags());

            ObjectNode role = resource(res, f.logicalId() + "Role", "AWS::IAM::Role");
            role.set("AssumeRolePolicyDocument", assume("lambda.amazonaws.com"));
            ObjectNode policy = role.putArray("Policies").addObject();
            policy.put("PolicyName", "least-privilege");
            ArrayNode statements = policy.putObject("PolicyDocument").put("Version", "2012-10-17").putArray("Statement");
            allow(statements, List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    List.of(getAtt(f.logicalId() + "Logs", "Arn")));
            boolean agent = !f.logicalId().equals("ToolServerFunction");
            if (agent && uses("dynamodb")) {
                allow(statements, List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:Scan"),
                        List.of(getAtt("StateTable", "Arn")));
            }
            if (agent && uses("s3")) {
                allow(statements, List.of("s3:ListBucket"), List.of(getAtt("ArtifactsBucket", "Arn")));
                allow(statements, List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                        List.of(sub("${ArtifactsBucket.Arn}/*")));
            }
            if (agent && redis) {
                allow(statements, List.of("elasticache:Connect"), List.of(getAtt("Cache", "ARN")));
                allow(statements, List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
                        List.of(JSON.getNodeFactory().textNode("*")));
            }
            if (f.logicalId().equals("ActorFunction") || (agent && !"separate".equals(preset.topology()))) {
                allow(statements, List.of("lambda:InvokeFunction"), List.of(getAtt("ToolServerFunction", "Arn")));
            }
            role.set("Tags", tags());

            ObjectNode fn = resource(res, f.logicalId(), "AWS::Lambda::Function");
            fn.put("FunctionName", fnName);
            fn.put("Runtime", RUNTIME);
            fn.put("Handler", HANDLER_PACKAGE + f.handler() + "::handleRequest");
            fn.put("MemorySize", f.memoryMb());
            fn.put("Timeout", f.timeout().toSeconds());
            fn.set("Role", getAtt(f.logicalId() + "Role", "Arn"));
            ObjectNode code = fn.putObject("Code");
            code.set("S3Bucket", ref("ArtifactBucket"));
            code.set("S3Key", ref("ArtifactKey"));
            ObjectNode env = fn.putObject("Environment").putObject("Variables");
            env.put("FAME_PRESET", preset.name());
            env.put("FAME_RUN_TOKEN", token);
            env.put("FAME_SCENARIO", "paper-summarization");
            env.set("FAME_CORPUS", ref("CorpusPath"));
            env.set("FAME_MODEL", ref("Model"));
            env.set("OPENAI_API_KEY", ref("OpenAiApiKey"));
            env.put("FAME_AWS_CREDENTIALS", "default");
            if (agent) {
                if (uses("dynamodb")) {
                    env.set("FAME_DYNAMODB_ENDPOINT", sub("https://dynamodb.${AWS::Region}.amazonaws.com"));
                }
                if (uses("s3")) {
                    env.set("FAME_S3_ENDPOINT", sub("https://s3.${AWS::Region}.amazonaws.com"));
                }
                if (redis) {
                    ObjectNode join = JSON.createObjectNode();
                    ArrayNode parts = join.putArray("Fn::Join");
                    parts.add("");
                    ArrayNode items = parts.addArray();
                    items.add("rediss://").add(getAtt("Cache", "Endpoint.Address")).add(":")
                            .add(getAtt("Cache", "Endpoint.Port"));
                    env.set("FAME_REDIS_ENDPOINT", join);
                }
                if (f.logicalId().equals("ActorFunction") || !"separate".equals(preset.topology())) {
                    env.set("FAME_TOOL_FUNCTION", ref("ToolServerFunction"));
                }
            }
            if (agent && redis) {
                ObjectNode vpc = fn.putObject("VpcConfig");
                vpc.set("SubnetIds", ref("SubnetIds"));
                vpc.set("SecurityGroupIds", ref("SecurityGroupIds"));
            }
            fn.set("Tags", tags());
            // The log group first: otherwise Lambda creates it on the first invocation and the stack never owns it.
            ((ObjectNode) res.get(f.logicalId())).putArray("DependsOn").add(f.logicalId() + "Logs");
        }

        Optional<String> asl = localDefinition();
        ObjectNode outputs = t.putObject("Outputs");
        if (asl.isPresent()) {
            ObjectNode smRole = resource(res, "StateMachineRole", "AWS::IAM::Role");
            smRole.set("AssumeRolePolicyDocument", assume("states.amazonaws.com"));
            ObjectNode policy = smRole.putArray("Policies").addObject();
            policy.put("PolicyName", "invoke-own-functions");
            ArrayNode statements = policy.putObject("PolicyDocument").put("Version", "2012-10-17").putArray("Statement");
            List<ObjectNode> arns = new ArrayList<>();
            for (Function f : functions) {
                if (!f.logicalId().equals("ToolServerFunction")) {
                    arns.add(getAtt(f.logicalId(), "Arn"));
                }
            }
            allow(statements, List.of("lambda:InvokeFunction"), arns);
            smRole.set("Tags", tags());

            ObjectNode sm = resource(res, "StateMachine", "AWS::StepFunctions::StateMachine");
            sm.put("StateMachineName", stack + "-turn");
            sm.put("StateMachineType", "STANDARD");
            sm.set("RoleArn", getAtt("StateMachineRole", "Arn"));
            ArrayNode subst = JSON.createArrayNode();
            subst.add(withArnPlaceholders(asl.get(), functions));
            ObjectNode vars = subst.addObject();
            for (Function f : functions) {
                if (!f.logicalId().equals("ToolServerFunction")) {
                    vars.set(placeholder(f), getAtt(f.logicalId(), "Arn"));
                }
            }
            sm.putObject("DefinitionString").set("Fn::Sub", subst);
            ArrayNode smTags = JSON.createArrayNode();
            tags().forEach(tag -> smTags.addObject().put("Key", tag.get("Key").asText()).put("Value", tag.get("Value").asText()));
            sm.set("Tags", smTags);
            outputs.putObject("StateMachineArn").set("Value", ref("StateMachine"));
        }
        for (Function f : functions) {
            outputs.putObject(f.logicalId() + "Name").set("Value", ref(f.logicalId()));
        }
        if (uses("dynamodb")) {
            outputs.putObject("TableName").set("Value", ref("StateTable"));
        }
        if (uses("s3")) {
            outputs.putObject("BucketName").set("Value", ref("ArtifactsBucket"));
            outputs.putObject("MetricsFilterId").put("Value", METRICS_FILTER_ID);
        }
        // What a cloud run checks the stack against before it starts (CloudStack): the preset and the namespace.
        outputs.putObject("Preset").put("Value", preset.name());
        outputs.putObject("RunId").put("Value", runId);
        outputs.putObject("RunToken").put("Value", token);
        return t;
    }

    /** The template as CloudFormation reads it (JSON, two-space indent). */
    public String render() {
        try {
            return JSON.writeValueAsString(toJson()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole days of the cache TTL, rounded up (S3 lifecycle expiration takes days, at least 1). */
    long cacheDays() {
        long seconds = preset.cacheTtl().toSeconds();
        return Math.max(1, (seconds + 86_399) / 86_400);
    }

    static String placeholder(Function f) {
        return f.logicalId() + "Arn";
    }

    /** The ASL with each local placeholder ARN replaced by {@code ${<Function>Arn}} for {@code Fn::Sub}. */
    static String withArnPlaceholders(String asl, List<Function> functions) {
        if (asl.contains("${")) {
            throw new IllegalStateException("the ASL holds '${', which Fn::Sub would read as a variable");
        }
        String out = asl;
        for (Function f : functions) {
            out = out.replace("\"" + LOCAL_ARN_PREFIX + f.name() + "\"", "\"${" + placeholder(f) + "}\"");
        }
        return out;
    }

    private static ObjectNode resource(ObjectNode resources, String id, String type) {
        ObjectNode r = resources.putObject(id);
        r.put("Type", type);
        return r.putObject("Properties");
    }

    private static ObjectNode assume(String service) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode s = doc.putArray("Statement").addObject();
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", service);
        s.put("Action", "sts:AssumeRole");
        return doc;
    }

    private static void allow(ArrayNode statements, List<String> actions, List<? extends com.fasterxml.jackson.databind.JsonNode> resources) {
        ObjectNode s = statements.addObject();
        s.put("Effect", "Allow");
        ArrayNode a = s.putArray("Action");
        actions.forEach(a::add);
        ArrayNode r = s.putArray("Resource");
        resources.forEach(r::add);
    }

    /** Stack name, run id and token as a map, for the CLI's summary line. */
    public Map<String, String> identity() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stack", stack);
        m.put("run", runId);
        m.put("preset", preset.name());
        m.put("stores", storeName());
        return m;
    }
}
