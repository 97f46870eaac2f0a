package dev.fameharness.faults;

import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.util.List;
import java.util.Objects;

/**
 * Retries transport failures of a {@link ToolGateway} through a {@link Retrier}: a throttled invocation of the
 * tool server's function ({@code TooManyRequestsException}), a Lambda service error
 * ({@code Lambda.ServiceException}), or any other {@link dev.fameharness.api.error.RetriableException} thrown on
 * the way. A result the tool itself flags as an error ({@code error = true}, including
 * {@link FaultyToolGateway}'s injected ones) is an answer, not a transport failure: it is returned to the agent
 * unchanged, as are function errors and timeouts.
 */
public final class RetryingToolGateway implements ToolGateway {

    private final ToolGateway delegate;
    private final Retrier retrier;

    public RetryingToolGateway(ToolGateway delegate, Retrier retrier) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    public ToolGateway delegate() {
        return delegate;
    }

    @Override
    public List<ToolDescriptor> tools() {
        return retrier.call("tools/list", delegate::tools);
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        return retrier.call("tool " + server + "/" + tool, () -> delegate.call(server, tool, argumentsJson));
    }

    @Override
    public String toString() {
        return "Retrying" + delegate;
    }
}
