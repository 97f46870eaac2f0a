package dev.fameharness.api.error;

/** A failure that a retry may cure: throttling, a timeout, a lost connection. {@code code} is the service's own error code. */
public class RetriableException extends FameException {

    private final String code;

    public RetriableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RetriableException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
