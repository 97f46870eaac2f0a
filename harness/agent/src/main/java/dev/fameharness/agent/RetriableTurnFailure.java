package dev.fameharness.agent;

import dev.fameharness.api.metering.FailureReason;

/**
 * A role failed on something a retry may cure (store throttling, a lost connection, a model rate limit).
 * Its simple class name is the error a workflow's Retry matches on.
 */
public class RetriableTurnFailure extends TurnFailure {

    public RetriableTurnFailure(String detail, Throwable cause) {
        super(FailureReason.SERVICE_ERROR, detail, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
