package dev.fameharness.api.error;

/**
 * A real service limit was hit: a payload, an item or a context window larger than the service accepts.
 * {@code limit} names it (for example {@code dynamodb.item_size}, {@code sfn.state_payload},
 * {@code lambda.sync_payload}, {@code llm.context_window}); sizes are in the limit's unit (bytes or tokens).
 */
public class LimitExceededException extends FameException {

    private final String limit;
    private final long maximum;
    private final long actual;

    public LimitExceededException(String limit, long maximum, long actual, String message) {
        super(message);
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    public LimitExceededException(String limit, long maximum, long actual, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    public String limit() {
        return limit;
    }

    public long maximum() {
        return maximum;
    }

    public long actual() {
        return actual;
    }
}
