package dev.fameharness.runner.cloud;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What {@link StackDeployer} and {@link StackDestroyer} work with: the CloudFormation and S3 clients, the stack's
 * region, how the stack waiter polls, and where progress lines go.
 *
 * @param region  the stack's region (deploy creates its artifact bucket there)
 * @param poll    how often the waiter polls DescribeStacks
 * @param maxWait how long it waits before giving up
 * @param log     where progress lines go
 */
public record StackClients(CloudFormationClient cfn, S3Client s3, String region, Duration poll, Duration maxWait,
                           PrintStream log) {

    public StackClients {
        Objects.requireNonNull(cfn, "cfn");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(log, "log");
    }

    /** A stack waiter that polls every {@link #poll} for at most {@link #maxWait}. */
    CloudFormationWaiter waiter() {
        return Stacks.waiter(cfn, poll, maxWait);
    }
}
