package dev.fameharness.runner.cloud;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where {@code fame deploy} / {@code destroy} send their requests: a region and, for LocalStack or a test
 * server, an endpoint that replaces every service's. The clients sign with the SDK's default credential chain
 * (environment, profile, SSO, instance role) against AWS; against an endpoint, with the environment's keys when
 * {@code AWS_ACCESS_KEY_ID} is set and LocalStack's {@code test}/{@code test} otherwise. SDK retries stay on
 * (control-plane calls are idempotent reads or guarded by the stack's state).
 */
public record CloudTarget(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {

    /** The region when {@code --region} is not given and the environment names none. */
    public static final String DEFAULT_REGION = "us-east-1";

    public CloudTarget {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The target the CLI options name: region (else AWS_REGION, else us-east-1) and an optional endpoint. */
    public static CloudTarget of(String region, URI endpoint) {
        String r = region != null ? region
                : Optional.ofNullable(System.getenv("AWS_REGION")).filter(s -> !s.isBlank()).orElse(DEFAULT_REGION);
        AwsCredentialsProvider creds;
        if (endpoint == null || System.getenv("AWS_ACCESS_KEY_ID") != null) {
            creds = DefaultCredentialsProvider.builder().build();
        } else {
            creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        }
        return new CloudTarget(r, Optional.ofNullable(endpoint), creds);
    }

    /** A CloudFormation client for this target. */
    public CloudFormationClient cloudFormation() {
        CloudFormationClientBuilder b = CloudFormationClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(region))
                .credentialsProvider(credentials);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    /** An S3 client for this target (path-style against an endpoint, as LocalStack and S3Proxy serve it). */
    public S3Client s3() {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(5)))
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(endpoint.isPresent());
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }
}
