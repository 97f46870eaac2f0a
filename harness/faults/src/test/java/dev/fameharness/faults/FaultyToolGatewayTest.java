package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.clock.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultyToolGatewayTest {

    @Test
    void should_return_an_error_result_without_calling_the_tool_when_tool_error_is_injected() {
        // given
        VirtualClock clock = new VirtualClock(1);
        StubToolGateway tools = new StubToolGateway();
        RecordingEvents events = new RecordingEvents();

        // when
        ToolResult result = clock.run("tool", () -> new FaultyToolGateway(tools,
                new FaultInjector(FaultPlan.only(FaultKind.TOOL_ERROR, 1.0), clock, events))
                .call("papers", "fetch", "{\"id\":\"p1\"}"));

        // then
        assertThat(result.error()).isTrue();
        assertThat(result.content()).startsWith(FaultyToolGateway.ERROR_PREFIX).contains("fetch").contains("papers");
        assertThat(tools.calls).isZero();
        assertThat(events.notes("fault")).extracting(n -> n.text()).containsExactly("tool_error papers/fetch");
    }

    @Test
    void should_add_exactly_the_configured_latency_when_tool_slow_is_injected() {
        // given
        VirtualClock clock = new VirtualClock(1);
        StubToolGateway tools = new StubToolGateway();
        FaultPlan plan = FaultPlan.only(FaultKind.TOOL_SLOW, 1.0).withToolSlowExtra(Duration.ofMillis(1500));

        // when
        Duration elapsed = clock.run("tool", () -> {
            FaultyToolGateway gateway = new FaultyToolGateway(tools, new FaultInjector(plan, clock, EventSink.NONE));
            Duration start = clock.now();
            assertThat(gateway.call("papers", "fetch", "{}").content()).isEqualTo("ok");
            return clock.now().minus(start);
        });

        // then
        assertThat(elapsed).isEqualTo(Duration.ofMillis(1500));
        assertThat(tools.calls).isEqualTo(1);
    }

    @Test
    void should_inject_tool_errors_at_the_configured_rate_when_p_is_five_percent() {
        VirtualClock clock = new VirtualClock(31);
        StubToolGateway tools = new StubToolGateway();
        int errors = clock.run("tool", () -> {
            FaultyToolGateway gateway = new FaultyToolGateway(tools,
                    new FaultInjector(FaultPlan.only(FaultKind.TOOL_ERROR, 0.05), clock, EventSink.NONE));
            int n = 0;
            for (int i = 0; i < 10_000; i++) {
                if (gateway.call("papers", "fetch", "{}").error()) {
                    n++;
                }
            }
            return n;
        });
        assertThat(errors).isBetween(400, 600);
        assertThat(tools.calls).isEqualTo(10_000 - errors);
    }

    @Test
    void should_pass_through_without_delay_when_p_is_zero() {
        VirtualClock clock = new VirtualClock(1);
        StubToolGateway tools = new StubToolGateway();
        Duration elapsed = clock.run("tool", () -> {
            FaultyToolGateway gateway = new FaultyToolGateway(tools,
                    new FaultInjector(FaultPlan.NONE, clock, EventSink.NONE));
            for (int i = 0; i < 100; i++) {
                assertThat(gateway.call("papers", "fetch", "{}").error()).isFalse();
            }
            assertThat(gateway.tools()).hasSize(1);
            return clock.now();
        });
        assertThat(elapsed).isZero();
        assertThat(tools.calls).isEqualTo(100);
    }
}
