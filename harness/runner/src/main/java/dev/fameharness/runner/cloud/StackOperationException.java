package dev.fameharness.runner.cloud;

import dev.fameharness.api.error.FameException;
import java.util.List;

/**
 * A stack operation CloudFormation did not complete: the message names the stack, the operation, the status it
 * ended in and the reasons of the resources that failed (from the stack events), so the user sees why without
 * opening the console.
 */
public final class StackOperationException extends FameException {

    private final String status;
    private final List<String> reasons;

    public StackOperationException(String stack, String operation, String status, List<String> reasons, Throwable cause) {
        super("stack " + stack + ": " + operation + " did not complete, status " + status
                + (reasons.isEmpty() ? " (the stack events give no reason)" : "; failed resources:\n  "
                + String.join("\n  ", reasons)), cause);
        this.status = status;
        this.reasons = List.copyOf(reasons);
    }

    /** The stack status when the operation stopped (e.g. ROLLBACK_COMPLETE). */
    public String status() {
        return status;
    }

    /** "LogicalId (Type) STATUS: reason" per failed resource, newest first. */
    public List<String> reasons() {
        return reasons;
    }
}
