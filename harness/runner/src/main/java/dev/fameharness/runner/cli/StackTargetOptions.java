package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.cloud.CloudTarget;
import dev.fameharness.runner.cloud.StackClients;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where {@code fame deploy} and {@code fame destroy} send their CloudFormation and S3 calls, and how long they wait
 * for a stack (a picocli mixin of both).
 */
final class StackTargetOptions {

    @Option(names = "--region", description = "AWS region (default: $AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--endpoint", description = "Send every AWS request here instead (LocalStack: http://localhost:4566).")
    URI endpoint;

    @Option(names = "--wait-minutes", defaultValue = "60", description = "Give up waiting for CloudFormation after this "
            + "long. Default: ${DEFAULT-VALUE}.")
    long waitMinutes;

    CloudTarget target() {
        return CloudTarget.of(region, endpoint);
    }

    /** The stack operations' clients on {@code target}: DescribeStacks polled every 10 s for --wait-minutes. */
    StackClients clients(CloudFormationClient cfn, S3Client s3, CloudTarget target) {
        return new StackClients(cfn, s3, target.region(), Duration.ofSeconds(10), Duration.ofMinutes(waitMinutes),
                System.out);
    }

    /** No credentials, or no connection to the target: what to check, without a stack trace. */
    static ConfigException unreachable(CloudTarget target, RuntimeException e) {
        return new ConfigException("cannot call AWS in " + target.region() + target.endpoint().map(u -> " at " + u).orElse("")
                + ": " + e.getMessage() + " (check the credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO login), --region "
                + "and --endpoint)", e);
    }
}
