package dev.fameharness.baselines;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The oracle's tool layer: every deterministic tool response is already cached, for free. {@code free} must
 * be a gateway whose calls take no time and cost nothing (the tool servers hosted on an unmetered,
 * zero-latency platform); each call is metered as a cache hit. Non-deterministic tools go to {@code real}.
 */
public final class PerfectCacheToolGateway implements ToolGateway {

    private final ToolGateway real;
    private final ToolGateway free;
    private final Clock clock;
    private final EventSink events;

    public PerfectCacheToolGateway(ToolGateway real, ToolGateway free, Clock clock, EventSink events) {
        this.real = Objects.requireNonNull(real, "real");
        this.free = Objects.requireNonNull(free, "free");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public List<ToolDescriptor> tools() {
        return real.tools();
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        boolean deterministic = real.tools().stream()
                .anyMatch(t -> t.server().equals(server) && t.name().equals(tool) && t.deterministic());
        if (!deterministic) {
            return real.call(server, tool, argumentsJson);
        }
        long at = clock.now().toNanos() / 1000;
        ToolResult result = free.call(server, tool, argumentsJson);
        long bytes = result.content().getBytes(StandardCharsets.UTF_8).length;
        events.emit(new Event.CacheLookup(at, Scope.current(), server, tool, "hit", bytes, result.responseBytes()));
        return new ToolResult(result.content(), result.error(), 0, 0);
    }
}
