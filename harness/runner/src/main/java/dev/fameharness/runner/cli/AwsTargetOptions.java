package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.results.MarkdownTableWriter;
import dev.fameharness.runner.cloud.AwsRun;
import dev.fameharness.runner.cloud.CloudClients;
import dev.fameharness.runner.cloud.PriceFileEstimate;
import dev.fameharness.runner.experiment.Experiment;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code fame run --target aws}: the options of a run against deployed stacks ({@link AwsRun}); refused unless the
 * target is {@code aws}, and the local-only options are refused with it.
 */
final class AwsTargetOptions {

    /** The default --max-usd: small on purpose; a larger run says so. */
    static final double DEFAULT_MAX_USD = 5.0;

    @Option(names = "--target", description = "local (default: the emulator and local servers) or aws (drive the "
            + "deployed stacks named by --stack).")
    String target;

    @Option(names = "--stack", split = ",", description = "With --target aws: the deployed stack of each of the "
            + "experiment's presets (comma separated; fame deploy PRESET).")
    List<String> stacks;

    @Option(names = "--region", description = "With --target aws: the stacks' region (default: the SDK's default "
            + "region chain: AWS_REGION, the profile).")
    String region;

    @Option(names = "--endpoint", description = "With --target aws: send every AWS API call (Step Functions, "
            + "CloudWatch, CloudWatch Logs, CloudFormation, and the stores) to this URL, e.g. LocalStack's.")
    URI endpoint;

    @Option(names = "--max-usd", description = "With --target aws: refuse to start when the estimated cost is above "
            + "this (USD). Default: " + DEFAULT_MAX_USD + ".")
    Double maxUsd;

    @Option(names = "--arrival-scale", description = "With --target aws: multiply the sessions' arrival times (1: as "
            + "the arrival model says, the default; 0: every session starts at once).")
    Double arrivalScale;

    boolean aws() {
        if (target == null || target.equals("local")) {
            if (stacks != null || region != null || endpoint != null || maxUsd != null || arrivalScale != null) {
                throw new ConfigException("--stack, --region, --endpoint, --max-usd and --arrival-scale apply to "
                        + "--target aws only; add --target aws or drop them");
            }
            return false;
        }
        if (!target.equals("aws")) {
            throw new ConfigException("--target must be local or aws, was '" + target + "'");
        }
        return true;
    }

    AwsRun.Options options(Experiment e, boolean resume) {
        if (stacks == null || stacks.isEmpty()) {
            throw new ConfigException("--target aws needs --stack NAME (one per preset of " + e.source() + ")");
        }
        String regionName = region != null ? region : defaultRegion();
        Map<String, URI> stores = endpoint == null ? Map.of() : Map.of("dynamodb", endpoint, "s3", endpoint);
        boolean usesStores = e.presets().stream().anyMatch(p -> !"payload".equals(p.state()));
        if (endpoint == null && usesStores && !"default".equals(System.getenv("FAME_AWS_CREDENTIALS"))) {
            throw new ConfigException("the presets " + e.presets().stream().map(p -> p.name()).toList() + " keep the "
                    + "turn's starting state in the stack's table or bucket, which this machine writes with the SDK's "
                    + "default credentials: set FAME_AWS_CREDENTIALS=default");
        }
        if (usesStores && !regionName.equals(dev.fameharness.storage.BackendConfig.DEFAULT_REGION)) {
            throw new ConfigException("the presets " + e.presets().stream().map(p -> p.name()).toList() + " keep state "
                    + "in the stack's table or bucket, and the harness's store clients sign for "
                    + dev.fameharness.storage.BackendConfig.DEFAULT_REGION + " only; deploy them there (region was "
                    + regionName + ")");
        }
        return new AwsRun.Options(stacks.stream().map(String::strip).toList(),
                arrivalScale == null ? 1.0 : arrivalScale, Duration.ofSeconds(1), Duration.ofSeconds(15), 20,
                maxUsd == null ? DEFAULT_MAX_USD : maxUsd, resume, PriceFileEstimate.withDefaults(), stores,
                regionName);
    }

    private static String defaultRegion() {
        try {
            return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion().id();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new ConfigException("--target aws: no region (give --region, or set AWS_REGION): " + e.getMessage());
        }
    }

    int run(Experiment e, ExperimentOptions experimentOptions, PrintStream out, PrintStream err) {
        AwsRun.Options options = options(e, experimentOptions.resume);
        out.printf(Locale.ROOT, "experiment %s (%s) on AWS stack(s) %s in %s: size %s, seed %s, %s model%n", e.name(),
                e.source(), options.stacks(), options.region(), e.size(), e.seeds(), e.model());
        try (CloudClients clients = CloudClients.create(Optional.of(options.region()), Optional.ofNullable(endpoint))) {
            AwsRun.Outcome outcome = AwsRun.run(e, experimentOptions.results(), experimentOptions.runId(), options,
                    clients, experimentOptions.quiet ? line -> { } : err::println);
            out.println(new MarkdownTableWriter().render(outcome.results()));
            out.println("not measured on AWS: " + String.join("; ", outcome.notMeasured()));
            out.println("results written to " + outcome.runDir());
        }
        return FameCli.OK;
    }
}
