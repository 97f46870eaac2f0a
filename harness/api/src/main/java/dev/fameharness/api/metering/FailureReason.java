package dev.fameharness.api.metering;

/** The fixed set of reasons a turn can fail for; every failed turn records exactly one. */
public enum FailureReason {
    /** A workflow state payload exceeded 256 KiB (States.DataLimitExceeded) or a function payload its limit. */
    STATE_PAYLOAD_LIMIT,
    /** A key-value item exceeded the store's item size limit (DynamoDB's 400 KB). */
    ITEM_SIZE_LIMIT,
    /** A prompt did not fit the model's context window. */
    CONTEXT_WINDOW,
    /** A function ran past its timeout. */
    FUNCTION_TIMEOUT,
    /** A tool returned an error that retries did not cure. */
    TOOL_ERROR,
    /**
     * The request refers to something earlier in the conversation (a paper, a log, an answer) that the agent
     * cannot identify from what its prompt holds; the model asked for the missing context instead of answering.
     */
    MISSING_CONTEXT,
    /** The evaluator rejected every answer up to the iteration bound. */
    EVALUATOR_GAVE_UP,
    /** A store, model or platform error that retries did not cure (throttling, connection lost). */
    SERVICE_ERROR;

    /** The name as written in results: lower case with dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
