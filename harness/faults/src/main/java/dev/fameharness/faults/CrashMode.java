package dev.fameharness.faults;

import dev.fameharness.api.error.ConfigException;
import java.util.Locale;

/**
 * How an injected {@link FaultKind#FUNCTION_CRASH} looks to the caller, as Step Functions names Lambda failures
 * (Step Functions developer guide, "Handle Lambda service exceptions",
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html):
 *
 * <ul>
 *   <li>{@link #SERVICE}: the Lambda service answered the Invoke call with a 500 before the handler ran; Step
 *       Functions reports {@code Lambda.ServiceException}, which the harness's workflows retry. Retriable.</li>
 *   <li>{@link #UNHANDLED}: the function's process crashed (an unhandled error such as running out of memory);
 *       Step Functions reports {@code Lambda.Unknown}, which the harness's workflows do not retry (they catch it
 *       and fail the turn). Not retriable.</li>
 * </ul>
 */
public enum CrashMode {
    SERVICE("Lambda.ServiceException", true),
    UNHANDLED("Lambda.Unknown", false);

    private final String errorType;
    private final boolean retriable;

    CrashMode(String errorType, boolean retriable) {
        this.errorType = errorType;
        this.retriable = retriable;
    }

    /** The error name a Step Functions Retry/Catch matches on. */
    public String errorType() {
        return errorType;
    }

    /** Whether the failure is transient (a retry of the same invocation may succeed). */
    public boolean retriable() {
        return retriable;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CrashMode of(String field, String label) {
        for (CrashMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new ConfigException(field + " must be 'service' or 'unhandled', was '" + label + "'");
    }
}
