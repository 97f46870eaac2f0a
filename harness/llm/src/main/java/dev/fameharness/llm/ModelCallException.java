package dev.fameharness.llm;

import dev.fameharness.api.error.FameException;

/**
 * A model call that failed for a reason a retry will not cure: an invalid request (HTTP 400), a bad key
 * (401/403), an unknown model (404), or an unexpected client error. {@code statusCode} is the HTTP status, or
 * -1 when there was none.
 */
public class ModelCallException extends FameException {

    private final int statusCode;

    public ModelCallException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
