package dev.fameharness.runner.cli;

import dev.fameharness.runner.cloud.CloudTarget;
import dev.fameharness.runner.cloud.StackDestroyer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code fame destroy --stack NAME}: removes a stack {@code fame deploy} made and everything billable it left
 * (see {@link StackDestroyer}), and prints exactly what it removed. An absent stack is fine (exit 0).
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete a deployed stack so nothing billable stays behind: empty its buckets (every version),",
                "delete the stack and its log groups, remove the uploaded jar; print what was removed."})
final class DestroyCommand implements Callable<Integer> {

    @Option(names = "--stack", required = true, description = "The stack to delete.")
    String stack;

    @picocli.CommandLine.Mixin
    StackTargetOptions where = new StackTargetOptions();

    @Option(names = "--yes", description = "Do not ask before deleting (needed without a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        CloudTarget target = where.target();
        try (CloudFormationClient cfn = target.cloudFormation(); S3Client s3 = target.s3()) {
            StackDestroyer destroyer = new StackDestroyer(where.clients(cfn, s3, target));
            var resources = destroyer.resources(stack);
            if (resources.isEmpty()) {
                System.out.println("stack " + stack + " does not exist in " + target.region() + ": nothing to remove");
                return FameCli.OK;
            }
            System.out.println("stack " + stack + " holds " + resources.get().size() + " resources:");
            resources.get().forEach(r -> System.out.println("  " + r.resourceType() + " " + r.physicalResourceId()));
            Confirm.orRefuse(yes, "destroy deletes stack " + stack + " and the data in it");
            StackDestroyer.Result result = destroyer.destroy(stack);
            System.out.println("removed:");
            result.removed().forEach(line -> System.out.println("  " + line));
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw StackTargetOptions.unreachable(target, e);
        }
        return FameCli.OK;
    }
}
