package dev.fameharness.workflow;

import java.util.Set;

/**
 * An error raised while running a state, named as Step Functions names it ({@code States.Timeout}, a
 * function's {@code errorType}, a Fail state's {@code Error}, ...). Retriers and catchers match on
 * {@link #error()}; the execution fails with it when nothing catches it.
 */
final class StatesError extends RuntimeException {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String RUNTIME = "States.Runtime";
    static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    /**
     * Internal: a Parallel branch or Map iteration stopped because a sibling failed. Never matched by a
     * retrier or catcher and never the error an execution ends with.
     */
    static final String CANCELLED = "Harness.SiblingFailed";

    /**
     * Errors the {@code States.ALL} wildcard does not match (Step Functions developer guide, "Error
     * handling": States.ALL "can't catch the States.DataLimitExceeded terminal error type and runtime
     * error types").
     */
    private static final Set<String> NOT_MATCHED_BY_ALL = Set.of(DATA_LIMIT_EXCEEDED, RUNTIME, CANCELLED);

    private final String error;
    private final String errorCause;
    private final boolean fromTask;

    StatesError(String error, String cause) {
        this(error, cause, false);
    }

    StatesError(String error, String cause, boolean fromTask) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
        this.fromTask = fromTask;
    }

    String error() {
        return error;
    }

    String errorCause() {
        return errorCause;
    }

    /** States.Runtime fails the execution at once: neither retried nor caught (nor is a cancellation). */
    boolean isTerminal() {
        return RUNTIME.equals(error) || CANCELLED.equals(error);
    }

    /** True when a retrier's or catcher's {@code ErrorEquals} entry names this error. */
    boolean matches(String name) {
        if (CANCELLED.equals(error)) {
            return false;
        }
        if (name.equals(error)) {
            return true;
        }
        if (ALL.equals(name)) {
            return !NOT_MATCHED_BY_ALL.contains(error);
        }
        if (TASK_FAILED.equals(name)) {
            // "matches any known error name except for States.Timeout" - for failures of a Task (or of
            // the work inside a Parallel/Map), never for the non-catchable runtime errors.
            return fromTask && !TIMEOUT.equals(error) && !NOT_MATCHED_BY_ALL.contains(error);
        }
        return false;
    }

    StatesError asTaskFailure() {
        return fromTask ? this : new StatesError(error, errorCause, true);
    }
}
