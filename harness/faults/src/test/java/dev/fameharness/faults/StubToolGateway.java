package dev.fameharness.faults;

import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Answers every call with "ok", after throwing the failures queued in {@link #failures}; counts calls. */
final class StubToolGateway implements ToolGateway {

    final Deque<RuntimeException> failures = new ArrayDeque<>();
    ToolResult answer = new ToolResult("ok", false, 10, 20);
    int calls;

    @Override
    public List<ToolDescriptor> tools() {
        return List.of(new ToolDescriptor("papers", "fetch", "fetch a paper", "{}", true));
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        calls++;
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        return answer;
    }
}
