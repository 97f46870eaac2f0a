package dev.fameharness.runner.cloud;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The AWS API clients a cloud run uses: Step Functions (start, describe, history), CloudWatch Logs (the functions'
 * REPORT and event lines), CloudWatch (store metrics) and CloudFormation (the stack's outputs). Credentials come from
 * the SDK's default chain (environment, profile, SSO, instance role); the region from {@code --region}, else the
 * SDK's default chain. {@code --endpoint} points every client at one URL (LocalStack, or a test's server).
 */
public record CloudClients(SfnClient sfn, CloudWatchLogsClient logs, CloudWatchClient metrics,
                           CloudFormationClient cfn) implements AutoCloseable {

    public static CloudClients create(Optional<String> region, Optional<URI> endpoint) {
        return create(region, endpoint, DefaultCredentialsProvider.builder().build());
    }

    /** With explicit credentials (a test's fixed keys). */
    public static CloudClients create(Optional<String> region, Optional<URI> endpoint,
                                      AwsCredentialsProvider credentials) {
        return new CloudClients(
                configure(SfnClient.builder(), region, endpoint, credentials).build(),
                configure(CloudWatchLogsClient.builder(), region, endpoint, credentials).build(),
                configure(CloudWatchClient.builder(), region, endpoint, credentials).build(),
                configure(CloudFormationClient.builder(), region, endpoint, credentials).build());
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(
            B builder, Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        builder.credentialsProvider(credentials);
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        sfn.close();
        logs.close();
        metrics.close();
        cfn.close();
    }
}
