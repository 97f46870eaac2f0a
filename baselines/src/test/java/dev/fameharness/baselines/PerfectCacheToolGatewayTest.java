package dev.fameharness.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.storage.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PerfectCacheToolGatewayTest {

    /** A gateway with a deterministic and a non-deterministic tool; records calls. */
    private static final class Recording implements ToolGateway {
        final String name;
        final List<String> calls = new CopyOnWriteArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public List<ToolDescriptor> tools() {
            return List.of(new ToolDescriptor("papers", "fetch", "fetch", "{}", true),
                    new ToolDescriptor("papers", "now", "time", "{}", false));
        }

        @Override
        public ToolResult call(String server, String tool, String argumentsJson) {
            calls.add(tool + argumentsJson);
            return new ToolResult(name + ":" + tool + ":" + argumentsJson, false, 30, 200);
        }
    }

    private final Recording real = new Recording("real");
    private final Recording free = new Recording("free");
    private final ManualClock clock = new ManualClock();
    private final EventLog events = new EventLog();
    private final PerfectCacheToolGateway gateway = new PerfectCacheToolGateway(real, free, clock, events);

    @Test
    void should_emit_hits_and_never_call_real_gateway_when_tools_are_deterministic() {
        // when
        clock.advance(Duration.ofMillis(3));
        ToolResult first = gateway.call("papers", "fetch", "{\"paper_id\":\"P1\"}");
        ToolResult second = gateway.call("papers", "fetch", "{\"paper_id\":\"P1\"}");

        // then
        assertThat(real.calls).isEmpty();
        assertThat(free.calls).hasSize(2);
        assertThat(first.content()).isEqualTo("free:fetch:{\"paper_id\":\"P1\"}");
        assertThat(first.requestBytes()).isZero();
        assertThat(first.responseBytes()).isZero();
        assertThat(second).isEqualTo(first);
        assertThat(events.events(Event.CacheLookup.class)).hasSize(2).allSatisfy(e -> {
            assertThat(e.result()).isEqualTo("hit");
            assertThat(e.savedBytes()).isEqualTo(200);
            assertThat(e.bytes()).isEqualTo(first.content().length());
            assertThat(e.atMicros()).isEqualTo(3_000);
        });
    }

    @Test
    void should_call_real_gateway_without_cache_event_when_tool_is_not_deterministic() {
        ToolResult result = gateway.call("papers", "now", "{}");

        assertThat(real.calls).containsExactly("now{}");
        assertThat(free.calls).isEmpty();
        assertThat(result.responseBytes()).isEqualTo(200);
        assertThat(events.events(Event.CacheLookup.class)).isEmpty();
    }

    @Test
    void should_list_the_real_tools() {
        assertThat(gateway.tools()).isEqualTo(real.tools());
    }
}
