package dev.fameharness.runner.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;

/** CloudFormation calls deploy and destroy share: describe a stack, wait for it, read why it failed. */
final class Stacks {

    private Stacks() {
    }

    /** The stack, or empty when CloudFormation says it does not exist (a ValidationError, as AWS answers). */
    static Optional<Stack> describe(CloudFormationClient cfn, String stack) {
        try {
            return cfn.describeStacks(r -> r.stackName(stack)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (isAbsent(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isAbsent(CloudFormationException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return e.statusCode() == 400 && message != null && message.contains("does not exist");
    }

    /** A waiter polling every {@code poll}, giving up after {@code maxWait}. */
    static CloudFormationWaiter waiter(CloudFormationClient cfn, Duration poll, Duration maxWait) {
        return CloudFormationWaiter.builder().client(cfn)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(poll))
                        .maxAttempts((int) Math.max(1, Math.min(Integer.MAX_VALUE, maxWait.toMillis() / Math.max(1, poll.toMillis()))))
                        .waitTimeout(maxWait)
                        .build())
                .build();
    }

    /**
     * The failed resources of the latest operation on the stack: events newest first, back to the stack's own
     * "User Initiated" event; each as "LogicalId (Type) STATUS: reason".
     */
    static List<String> failureReasons(CloudFormationClient cfn, String stack) {
        List<String> reasons = new ArrayList<>();
        try {
            outer:
            for (var page : cfn.describeStackEventsPaginator(r -> r.stackName(stack))) {
                for (StackEvent e : page.stackEvents()) {
                    String status = e.resourceStatusAsString();
                    String reason = e.resourceStatusReason();
                    boolean stackItself = stack.equals(e.logicalResourceId())
                            && "AWS::CloudFormation::Stack".equals(e.resourceType());
                    if (status != null && status.endsWith("FAILED") && reason != null
                            && !reason.contains("Resource creation cancelled")) {
                        reasons.add(e.logicalResourceId() + " (" + e.resourceType() + ") " + status + ": " + reason);
                    }
                    if (stackItself && "User Initiated".equals(reason)) {
                        break outer;
                    }
                }
            }
        } catch (CloudFormationException e) {
            if (!isAbsent(e)) {
                throw e;
            }
        }
        return reasons;
    }
}
