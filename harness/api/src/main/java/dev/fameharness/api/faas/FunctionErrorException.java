package dev.fameharness.api.faas;

import dev.fameharness.api.error.FameException;

/**
 * The function's handler failed (Lambda's "Unhandled" / errorType). {@code errorType} is what a Step
 * Functions Retry/Catch matches on (for example {@code Lambda.Unknown}, {@code States.Timeout}, or the
 * handler exception's simple class name).
 */
public class FunctionErrorException extends FameException {

    private final String function;
    private final String errorType;
    private final boolean retriable;

    public FunctionErrorException(String function, String errorType, String message, boolean retriable,
                                  Throwable cause) {
        super(message, cause);
        this.function = function;
        this.errorType = errorType;
        this.retriable = retriable;
    }

    public String function() {
        return function;
    }

    public String errorType() {
        return errorType;
    }

    @Override
    public boolean isRetriable() {
        return retriable;
    }
}
