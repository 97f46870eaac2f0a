package dev.fameharness.agent;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.metering.FailureReason;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A turn failed for one of the fixed {@link FailureReason}s. The message starts with
 * {@code reason=<label>:} so the reason survives every hop a failure takes (function error, workflow
 * cause) and can be read back with {@link #reasonIn}.
 */
public class TurnFailure extends FameException {

    private static final Pattern REASON = Pattern.compile("reason=([a-z-]+):");

    private final FailureReason reason;

    public TurnFailure(FailureReason reason, String detail) {
        super("reason=" + reason.label() + ": " + detail);
        this.reason = reason;
    }

    public TurnFailure(FailureReason reason, String detail, Throwable cause) {
        super("reason=" + reason.label() + ": " + detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }

    /** The reason encoded in a message by this class, if any. */
    public static java.util.Optional<FailureReason> reasonIn(String message) {
        if (message == null) {
            return java.util.Optional.empty();
        }
        // A label that is not a reason (text from a tool or a model that happens to look like one) is skipped,
        // never an exception: classification must not fail while reporting another failure.
        Matcher m = REASON.matcher(message);
        while (m.find()) {
            for (FailureReason reason : FailureReason.values()) {
                if (reason.label().equals(m.group(1))) {
                    return java.util.Optional.of(reason);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Maps any failure a turn can meet to exactly one reason. */
    public static FailureReason classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TurnFailure tf) {
                return tf.reason();
            }
            if (c instanceof LimitExceededException le) {
                return limitReason(le.limit());
            }
            if (c instanceof FunctionTimeoutException) {
                return FailureReason.FUNCTION_TIMEOUT;
            }
            if (c instanceof FunctionErrorException fe) {
                var fromMessage = reasonIn(fe.getMessage());
                if (fromMessage.isPresent()) {
                    return fromMessage.get();
                }
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RetriableException) {
                return FailureReason.SERVICE_ERROR;
            }
        }
        return reasonIn(t.getMessage()).orElse(FailureReason.SERVICE_ERROR);
    }

    /** Wraps anything as a TurnFailure with its classified reason (returns TurnFailures unchanged). */
    public static TurnFailure of(Throwable t) {
        if (t instanceof TurnFailure tf) {
            return tf;
        }
        if (t instanceof FameException fe && fe.isRetriable()) {
            return new RetriableTurnFailure(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
        }
        return new TurnFailure(classify(t), t.getClass().getSimpleName() + ": " + t.getMessage(), t);
    }

    static FailureReason limitReason(String limit) {
        if (limit.startsWith("llm.")) {
            return FailureReason.CONTEXT_WINDOW;
        }
        if (limit.endsWith("item_size")) {
            return FailureReason.ITEM_SIZE_LIMIT;
        }
        return FailureReason.STATE_PAYLOAD_LIMIT;
    }
}
