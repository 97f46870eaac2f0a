package dev.fameharness.faults;

import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.util.List;
import java.util.Objects;

/**
 * Injects tool faults into any {@link ToolGateway}; every call is one decision per kind:
 *
 * <ul>
 *   <li>{@link FaultKind#TOOL_ERROR}: the call returns a {@link ToolResult} with {@code error = true} and content
 *       starting {@value #ERROR_PREFIX}, as an MCP server does for a tool that failed ({@code isError}); the
 *       delegate is not called, so no tool function runs and the sizes are 0. The agent sees it like any tool
 *       error; {@link RetryingToolGateway} does not retry it (it is not a transport failure).</li>
 *   <li>{@link FaultKind#TOOL_SLOW}: {@link FaultPlan#toolSlowExtra()} passes on the clock, then the call goes
 *       through.</li>
 * </ul>
 *
 * Wire it inside a tool-response cache ({@code Caching(Faulty(gateway))}) to fault only the calls that reach a
 * tool server, or outside to fault cache hits too.
 */
public final class FaultyToolGateway implements ToolGateway {

    /** How every injected error result begins. */
    public static final String ERROR_PREFIX = "injected tool error";

    private final ToolGateway delegate;
    private final FaultInjector faults;

    public FaultyToolGateway(ToolGateway delegate, FaultInjector faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    public ToolGateway delegate() {
        return delegate;
    }

    @Override
    public List<ToolDescriptor> tools() {
        return delegate.tools();
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        String target = server + "/" + tool;
        if (faults.inject(FaultKind.TOOL_ERROR, target)) {
            return new ToolResult(ERROR_PREFIX + ": tool " + tool + " of server " + server
                    + " failed; try again or use another tool", true, 0, 0);
        }
        if (faults.inject(FaultKind.TOOL_SLOW, target)) {
            faults.clock().sleep(faults.plan().toolSlowExtra(), dev.fameharness.api.time.LatencyPart.TOOL);
        }
        return delegate.call(server, tool, argumentsJson);
    }

    @Override
    public String toString() {
        return "Faulty" + delegate;
    }
}
