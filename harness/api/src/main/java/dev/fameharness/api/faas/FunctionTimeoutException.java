package dev.fameharness.api.faas;

import dev.fameharness.api.error.FameException;
import java.time.Duration;

/** The function ran past its configured timeout; the invocation is billed for the full timeout. */
public class FunctionTimeoutException extends FameException {

    private final String function;
    private final Duration timeout;

    public FunctionTimeoutException(String function, Duration timeout, String message) {
        super(message);
        this.function = function;
        this.timeout = timeout;
    }

    public String function() {
        return function;
    }

    public Duration timeout() {
        return timeout;
    }
}
