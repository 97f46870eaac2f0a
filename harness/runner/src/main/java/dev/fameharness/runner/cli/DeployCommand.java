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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fame deploy --synth PRESET}: writes the preset's CloudFormation template (see {@link StackTemplate}).
 * Creating the stack from the command line is not built yet: {@code --synth} is required, and the message says
 * how to deploy the written template with the AWS CLI.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Write a preset's CloudFormation template (functions, state machine, table, bucket, cache, IAM).")
final class DeployCommand implements Callable<Integer> {

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
        if (synth == null) {
            throw new ConfigException("deploy needs --synth PRESET: it writes the template; create the stack with "
                    + "`aws cloudformation deploy --template-file <file> --stack-name <stack> --capabilities "
                    + "CAPABILITY_IAM --parameter-overrides ArtifactBucket=<bucket>` (creating it from fame is not built yet)");
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
}
