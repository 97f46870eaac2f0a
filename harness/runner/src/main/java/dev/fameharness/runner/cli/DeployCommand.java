package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.fameharness.runner.cloud.CloudCostEstimator;
import dev.fameharness.runner.cloud.CloudTarget;
import dev.fameharness.runner.cloud.CostEstimate;
import dev.fameharness.runner.cloud.CostGuard;
import dev.fameharness.runner.cloud.LambdaArtifact;
import dev.fameharness.runner.cloud.StackDeployer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code fame deploy --synth PRESET} writes the preset's CloudFormation template (see {@link StackTemplate});
 * {@code fame deploy PRESET --stack NAME} creates or updates the stack on AWS (or on {@code --endpoint}, e.g.
 * LocalStack): cost guard first ({@link CostGuard}, nothing is sent above {@code --max-usd}), then
 * {@link StackDeployer}. {@code fame destroy} removes it.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Write a preset's CloudFormation template (--synth), or create/update its stack on AWS.",
                "The stack's standing cost is estimated from the price file first; above --max-usd nothing starts."})
final class DeployCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET",
            description = "Deploy this preset as stack --stack (created, or updated when it exists).")
    String deployPreset;

    @picocli.CommandLine.Mixin
    StackTargetOptions where = new StackTargetOptions();

    @Option(names = "--artifact-bucket", description = "S3 bucket for the deployment jar (and a template over 51,200 "
            + "bytes); created when missing. Default: fame-artifacts-<stack>-<region>, which destroy also removes.")
    String artifactBucket;

    @Option(names = "--artifact", description = "The deployment jar (default: harness/aws/target/fame-aws-*-lambda.jar, "
            + "built by `" + LambdaArtifact.BUILD_COMMAND + "`).")
    Path artifact;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "A template parameter (Model, OpenAiApiKey, "
            + "CorpusPath; SubnetIds and SecurityGroupIds for the Redis presets). Repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--max-usd", defaultValue = "" + CostGuard.DEFAULT_MAX_USD, description = CostGuard.OPTION_HELP)
    double maxUsd;

    @Option(names = "--hours", defaultValue = "24", description = "How long the stack is expected to stand before "
            + "`fame destroy`; the cost guard prices its standing cost over this time. Default: ${DEFAULT-VALUE}.")
    double hours;

    @Option(names = "--yes", description = "Do not ask before creating billable resources (needed without a terminal).")
    boolean yes;

    @Option(names = "--synth", paramLabel = "PRESET", description = "Write the template of this preset ('all': every "
            + "preset, into the folder -o names).")
    String synth;

    @Option(names = "--stack", description = "Stack name (default: fame-<preset>).")
    String stack;

    @Option(names = "--run-id", description = "The run the stack is for; its stores are named after it "
            + "(default: UTC timestamp).")
    String runId;

    @Option(names = "--seed", defaultValue = "1", description = "The seed whose namespace the stores take. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--scenario", description = "The scenario whose MCP tool server the stack hosts. Default: the "
            + "default scenario.")
    String scenario;

    /** The scenario's (first) MCP tool server, whose name the tool function takes. */
    private String toolServer() {
        var scenarios = dev.fameharness.scenario.spi.Scenarios.discover();
        try (var opened = scenarios.get(scenario == null ? scenarios.defaultName() : scenario)
                .open(dev.fameharness.scenario.spi.ScenarioOptions.defaults())) {
            return opened.toolServers().get(0).serverName();
        }
    }

    @Option(names = {"-o", "--output"}, description = "Template file (default: deploy/<stack>.template.json).")
    Path output;

    private void write(Preset preset, String name, String run, Path file) throws IOException {
        StackTemplate template = new StackTemplate(preset, name, run, ExperimentRunner.runToken(run, seed),
                toolServer());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, template.render(), StandardCharsets.UTF_8);
        System.out.println("template written to " + file + " " + template.identity());
    }

    @Override
    public Integer call() throws IOException {
        if (synth == null && deployPreset == null) {
            throw new ConfigException("deploy needs a PRESET to deploy (`fame deploy fame --stack NAME`) or --synth PRESET "
                    + "to only write its template");
        }
        if (synth != null && deployPreset != null) {
            throw new ConfigException("deploy takes either PRESET (create the stack) or --synth PRESET (write the "
                    + "template), not both");
        }
        if (deployPreset != null) {
            return deploy();
        }
        PresetCatalog catalog = PresetCatalog.discover();
        ExperimentOptions ids = new ExperimentOptions();
        ids.runId = runId;
        String run = ids.runId();
        if (seed < 0) {
            throw new ConfigException("--seed must be >= 0, was " + seed);
        }
        if ("all".equals(synth)) {
            if (stack != null) {
                throw new ConfigException("--stack names one stack; with --synth all each preset's is fame-<preset>");
            }
            Path dir = output == null ? Path.of("deploy") : output;
            for (String name : catalog.names()) {
                write(catalog.get(name), "fame-" + name, run, dir.resolve("fame-" + name + ".template.json"));
            }
        } else {
            Preset preset = catalog.get(synth);
            String name = stack == null ? "fame-" + preset.name() : stack;
            write(preset, name, run, output == null ? Path.of("deploy", name + ".template.json") : output);
        }
        return FameCli.OK;
    }

    private int deploy() {
        if (seed < 0) {
            throw new ConfigException("--seed must be >= 0, was " + seed);
        }
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            throw new ConfigException("--hours must be a finite number >= 0, was " + hours);
        }
        if (output != null) {
            throw new ConfigException("-o writes a template with --synth; deploy PRESET sends it to CloudFormation");
        }
        CostGuard guard = new CostGuard(maxUsd);
        LambdaArtifact jar = LambdaArtifact.locate(artifact, Path.of(""));
        Preset preset = PresetCatalog.discover().get(deployPreset);
        String name = stack == null ? "fame-" + preset.name() : stack;
        ExperimentOptions ids = new ExperimentOptions();
        ids.runId = runId;
        String run = ids.runId();
        StackTemplate template = new StackTemplate(preset, name, run, ExperimentRunner.runToken(run, seed), toolServer());
        String body = template.render();
        CloudTarget target = where.target();
        String bucket = artifactBucket == null ? StackDeployer.defaultArtifactBucket(name, target.region()) : artifactBucket;

        List<Long> uploads = new ArrayList<>();
        uploads.add(jar.sizeBytes());
        int templateBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (templateBytes > StackDeployer.MAX_TEMPLATE_BODY_BYTES) {
            uploads.add((long) templateBytes);
        }
        CostEstimate estimate = CloudCostEstimator.withDefaultPrices().deploy(String.format(java.util.Locale.ROOT,
                "stack %s (preset %s) standing %s h", name, preset.name(),
                java.math.BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString()), template.toJson(), uploads,
                Duration.ofMillis(Math.round(hours * 3_600_000)));
        guard.check(estimate, System.out);
        Confirm.orRefuse(yes, "deploy creates billable resources in " + target.region()
                + target.endpoint().map(e -> " at " + e).orElse("") + " (stack " + name + ")");

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("fame:stack", name);
        tags.put("fame:run", run);
        try (CloudFormationClient cfn = target.cloudFormation(); S3Client s3 = target.s3()) {
            StackDeployer deployer = new StackDeployer(where.clients(cfn, s3, target));
            StackDeployer.Result result = deployer.deploy(new StackDeployer.Request(name, body, parameters, tags, jar, bucket));
            System.out.println("stack " + result.stack() + " " + result.action() + " (" + result.stackId() + ")");
            result.outputs().forEach((k, v) -> System.out.println("  " + k + " = " + v));
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw StackTargetOptions.unreachable(target, e);
        }
        return FameCli.OK;
    }
}
