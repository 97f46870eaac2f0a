package dev.fameharness.runner.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deletes a stack so that nothing billable stays behind, the way {@code fame destroy} does it: lists the stack's
 * resources, empties every S3 bucket of the stack (all object versions and delete markers: CloudFormation cannot
 * delete a bucket that holds anything), deletes the stack and waits, then removes what deploy put beside the stack
 * (the objects under {@code fame/<stack>/} in the artifact bucket named by the stack's {@code ArtifactBucket}
 * parameter, and that bucket itself when deploy created it under its default name and it is now empty). The
 * functions' log groups are resources of the stack ({@code StackTemplate} declares one per function, before the
 * function), so the stack deletion removes them with the logs. An absent stack is not an error.
 */
public final class StackDestroyer {

    /** What was removed, one line per item, in the order it happened; {@code absent} when there was no stack. */
    public record Result(String stack, boolean absent, List<String> removed) {
        public Result {
            removed = List.copyOf(removed);
        }
    }

    private final StackClients aws;

    public StackDestroyer(StackClients aws) {
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    /** The resources of the stack (ListStackResources, every page), or empty when the stack is absent. */
    public Optional<List<StackResourceSummary>> resources(String stack) {
        if (Stacks.describe(aws.cfn(), stack).isEmpty()) {
            return Optional.empty();
        }
        List<StackResourceSummary> out = new ArrayList<>();
        aws.cfn().listStackResourcesPaginator(r -> r.stackName(stack)).forEach(p -> out.addAll(p.stackResourceSummaries()));
        return Optional.of(out);
    }

    public Result destroy(String stack) {
        Optional<Stack> described = Stacks.describe(aws.cfn(), stack);
        if (described.isEmpty()) {
            return new Result(stack, true, List.of());
        }
        List<String> removed = new ArrayList<>();
        List<StackResourceSummary> resources = resources(stack).orElse(List.of());
        for (StackResourceSummary r : resources) {
            if ("AWS::S3::Bucket".equals(r.resourceType()) && r.physicalResourceId() != null
                    && !"DELETE_COMPLETE".equals(r.resourceStatusAsString())) {
                int n = emptyBucket(r.physicalResourceId(), "");
                removed.add(n + " object version(s) and delete marker(s) from bucket " + r.physicalResourceId());
            }
        }
        String stackId = described.get().stackId();
        aws.log().println("deleting stack " + stack + " (" + resources.size() + " resources)");
        aws.cfn().deleteStack(r -> r.stackName(stack));
        try {
            aws.waiter().waitUntilStackDeleteComplete(r -> r.stackName(stackId));
        } catch (SdkClientException e) {
            String status = Stacks.describe(aws.cfn(), stackId).map(Stack::stackStatusAsString).orElse("absent");
            throw new StackOperationException(stack, "delete", status, Stacks.failureReasons(aws.cfn(), stackId), e);
        }
        for (StackResourceSummary r : resources) {
            if (r.physicalResourceId() != null && !"DELETE_COMPLETE".equals(r.resourceStatusAsString())) {
                removed.add(r.resourceType() + " " + r.physicalResourceId() + " (" + r.logicalResourceId() + ")");
            }
        }
        removed.add("stack " + stack + " (" + stackId + ")");
        described.get().parameters().stream().filter(p -> "ArtifactBucket".equals(p.parameterKey())).findFirst()
                .ifPresent(p -> removeArtifacts(stack, p.parameterValue(), removed));
        return new Result(stack, false, removed);
    }

    private void removeArtifacts(String stack, String bucket, List<String> removed) {
        try {
            aws.s3().headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return;
            }
            throw e;
        }
        String prefix = StackDeployer.PREFIX + stack + "/";
        int n = emptyBucket(bucket, prefix);
        if (n > 0) {
            removed.add(n + " deployment object version(s) under s3://" + bucket + "/" + prefix);
        }
        if (bucket.equals(StackDeployer.defaultArtifactBucket(stack, aws.region()))
                && aws.s3().listObjectVersions(r -> r.bucket(bucket).maxKeys(1)).versions().isEmpty()
                && aws.s3().listObjectsV2(r -> r.bucket(bucket).maxKeys(1)).contents().isEmpty()) {
            aws.s3().deleteBucket(r -> r.bucket(bucket));
            removed.add("artifact bucket " + bucket + " (created by deploy)");
        }
    }

    /** Deletes every object version and delete marker under {@code prefix}; returns how many. */
    private int emptyBucket(String bucket, String prefix) {
        int count = 0;
        while (true) {
            var page = aws.s3().listObjectVersions(r -> r.bucket(bucket).prefix(prefix).maxKeys(1000));
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
            page.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
            if (ids.isEmpty()) {
                // S3-compatible servers without versioning list nothing here; their objects are plain keys.
                var plain = aws.s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(1000)).contents();
                if (plain.isEmpty()) {
                    return count;
                }
                plain.forEach(o -> ids.add(ObjectIdentifier.builder().key(o.key()).build()));
            }
            var result = aws.s3().deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
            if (!result.errors().isEmpty()) {
                var err = result.errors().get(0);
                throw new IllegalStateException("bucket " + bucket + ": could not delete " + err.key() + ": "
                        + err.code() + " " + err.message());
            }
            count += ids.size();
        }
    }

    private static ObjectIdentifier id(String key, String versionId) {
        ObjectIdentifier.Builder b = ObjectIdentifier.builder().key(key);
        if (versionId != null && !"null".equals(versionId)) {
            b.versionId(versionId);
        }
        return b.build();
    }
}
