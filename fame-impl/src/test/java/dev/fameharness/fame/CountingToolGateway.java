package dev.fameharness.fame;

import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test fixture: one server with a deterministic tool {@code fetch}, a non-deterministic tool {@code now} and
 * a deterministic tool {@code broken} that always returns an error. Every call is recorded; responses embed
 * the call number so a cached response is recognisable.
 */
final class CountingToolGateway implements ToolGateway {

    static final String SERVER = "papers";
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public List<ToolDescriptor> tools() {
        return List.of(new ToolDescriptor(SERVER, "fetch", "fetch a paper", SCHEMA, true),
                new ToolDescriptor(SERVER, "now", "the time", SCHEMA, false),
                new ToolDescriptor(SERVER, "broken", "always fails", SCHEMA, true));
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        calls.add(tool + " " + argumentsJson);
        String content = tool + " result #" + calls.size() + " for " + argumentsJson;
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        return new ToolResult(content, "broken".equals(tool), 50, bytes + 100);
    }
}
