package dev.fameharness.api.error;

/** Base of the harness's unchecked exceptions. Messages say what failed, on what, and what to do. */
public class FameException extends RuntimeException {

    public FameException(String message) {
        super(message);
    }

    public FameException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when retrying the same call may succeed (throttling, timeouts, lost connections). */
    public boolean isRetriable() {
        return false;
    }
}
