package dev.fameharness.api.workflow;

/**
 * How an execution ended. On success {@code output} is the final JSON and {@code error} is empty; on
 * failure {@code error} is the States error name (for example {@code States.DataLimitExceeded},
 * {@code States.Timeout}, or a Fail state's Error) and {@code cause} explains it.
 */
public record WorkflowResult(boolean succeeded, String output, String error, String cause, int transitions) {

    public static WorkflowResult success(String output, int transitions) {
        return new WorkflowResult(true, output, "", "", transitions);
    }

    public static WorkflowResult failure(String error, String cause, int transitions) {
        return new WorkflowResult(false, "", error, cause, transitions);
    }
}
