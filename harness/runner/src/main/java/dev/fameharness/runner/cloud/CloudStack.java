package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.preset.Preset;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * A deployed stack as a cloud run sees it: its outputs (DescribeStacks), checked against the template
 * {@code fame deploy --synth} generates for the experiment's preset before anything runs. A stack of another
 * preset, an unfinished stack, or one whose outputs (state machine, functions, table, bucket, run token) differ
 * from the preset's template is refused with the differences named.
 */
public record CloudStack(String name, Preset preset, String runId, String runToken, String stateMachineArn,
                         Map<String, String> functions, Optional<String> table, Optional<String> bucket,
                         String metricsFilterId) {

    public CloudStack {
        functions = Map.copyOf(functions);
    }

    /** Reads the stack's outputs and checks them against {@code preset}'s template. */
    public static CloudStack describe(CloudFormationClient cfn, String stackName, Preset preset, String toolServer) {
        Stack stack = cfn.describeStacks(b -> b.stackName(stackName)).stacks().stream().findFirst()
                .orElseThrow(() -> new ConfigException("--stack " + stackName + ": DescribeStacks returned no stack"));
        String status = stack.stackStatusAsString();
        if (status == null || !(status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE"))) {
            throw new ConfigException("--stack " + stackName + " is " + status + "; a run needs CREATE_COMPLETE or "
                    + "UPDATE_COMPLETE (fame deploy, then wait for it)");
        }
        Map<String, String> outputs = new TreeMap<>();
        for (Output o : stack.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        return check(stackName, outputs, preset, toolServer);
    }

    /** Checks a stack's outputs against what {@code preset}'s generated template declares. */
    static CloudStack check(String stackName, Map<String, String> outputs, Preset preset, String toolServer) {
        String deployed = outputs.get("Preset");
        if (deployed == null) {
            throw new ConfigException("--stack " + stackName + " has no 'Preset' output: it was not deployed by fame "
                    + "deploy (outputs: " + outputs.keySet() + ")");
        }
        if (!deployed.equals(preset.name())) {
            throw new ConfigException("--stack " + stackName + " runs preset '" + deployed + "', the experiment "
                    + "asks for '" + preset.name() + "'; deploy the preset (fame deploy " + preset.name()
                    + ") or pick its stack");
        }
        if (!"separate".equals(preset.topology()) && !"fused".equals(preset.topology())) {
            throw new ConfigException("preset '" + preset.name() + "' has topology " + preset.topology()
                    + ": it has no state machine to drive; run --target aws supports the workflow topologies "
                    + "(separate, fused)");
        }
        String runId = require(stackName, outputs, "RunId");
        String token = require(stackName, outputs, "RunToken");
        JsonNode expected = new StackTemplate(preset, stackName, runId, token, toolServer).toJson().path("Outputs");
        TreeSet<String> want = new TreeSet<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            want.add(it.next());
        }
        if (!want.equals(new TreeSet<>(outputs.keySet()))) {
            TreeSet<String> missing = new TreeSet<>(want);
            missing.removeAll(outputs.keySet());
            TreeSet<String> extra = new TreeSet<>(outputs.keySet());
            extra.removeAll(want);
            throw new ConfigException("--stack " + stackName + ": its outputs do not match preset '" + preset.name()
                    + "''s template (missing " + missing + ", unexpected " + extra + "); redeploy it with fame deploy "
                    + preset.name());
        }
        String store = ArchitectureFactory.storeName(preset, token);
        for (String key : new String[] {"TableName", "BucketName"}) {
            if (outputs.containsKey(key) && !outputs.get(key).equals(store)) {
                throw new ConfigException("--stack " + stackName + ": output " + key + " is '" + outputs.get(key)
                        + "', preset '" + preset.name() + "' with run token " + token + " names its stores '" + store + "'");
            }
        }
        Map<String, String> functions = new TreeMap<>();
        outputs.forEach((k, v) -> {
            if (k.endsWith("FunctionName")) {
                functions.put(k.substring(0, k.length() - "Name".length()), v);
            }
        });
        return new CloudStack(stackName, preset, runId, token, require(stackName, outputs, "StateMachineArn"), functions,
                Optional.ofNullable(outputs.get("TableName")), Optional.ofNullable(outputs.get("BucketName")),
                outputs.getOrDefault("MetricsFilterId", StackTemplate.METRICS_FILTER_ID));
    }

    private static String require(String stack, Map<String, String> outputs, String key) {
        String v = outputs.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException("--stack " + stack + " has no '" + key + "' output (outputs: " + outputs.keySet()
                    + "); redeploy it with fame deploy");
        }
        return v;
    }
}
