package dev.fameharness.faults;

import dev.fameharness.api.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The faults the harness can inject, named as in the experiment file's {@code faults:} section. Each kind is
 * injected by one decorator and surfaces as the error the real service would return (see the module README for
 * the mapping to AWS error codes).
 */
public enum FaultKind {
    /** A store request is throttled: DynamoDB {@code ProvisionedThroughputExceededException}, S3 503 {@code SlowDown},
     *  Redis connection loss. Injected before the request reaches the store. */
    STORE_THROTTLE,
    /** A synchronous invocation fails before the handler runs (Lambda service error or an unhandled crash). */
    FUNCTION_CRASH,
    /** A synchronous invocation hangs until its configured timeout passes. */
    FUNCTION_TIMEOUT,
    /** The INIT phase of a new execution environment fails (only cold starts can be hit). */
    COLD_START_FAILURE,
    /** An MCP tool call returns a result flagged {@code isError}. */
    TOOL_ERROR,
    /** An MCP tool call takes {@link FaultPlan#toolSlowExtra()} longer. */
    TOOL_SLOW,
    /** A model call is rejected with HTTP 429. */
    LLM_RATE_LIMIT,
    /** A model call times out on the client after {@link FaultPlan#llmTimeoutAfter()}. */
    LLM_TIMEOUT;

    /** The name in experiment files, events and results: lower case with underscores. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this label. */
    public static FaultKind of(String label) {
        for (FaultKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new ConfigException("'" + label + "' is not a fault kind; accepted: " + labels());
    }

    /** Every label, comma separated, in declaration order (for error messages). */
    static String labels() {
        return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
    }
}
