package dev.fameharness.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.platform.metering.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tool server on the platform's FaaS emulator: cold start, metering and modeled tool time together. */
class FaasEmulatorMcpIT {

    private static final Duration INIT = Duration.ofMillis(300);
    private static final Duration OVERHEAD = Duration.ofMillis(2);
    private static final Duration ECHO = Duration.ofMillis(250);

    @Test
    void should_call_a_tool_through_the_faas_emulator_when_the_server_is_deployed_there() {
        VirtualClock clock = new VirtualClock(11);
        EventLog log = new EventLog();
        FixedLatencyModel latency = new FixedLatencyModel(Map.of("lambda.init.java21", INIT,
                FaasEmulator.WARM_OVERHEAD_ID, OVERHEAD, "mcp.tool.echo", ECHO));
        FaasEmulator faas = new FaasEmulator(clock, latency, log, FaasConfig.defaults());
        McpFunctionServer.deploy(faas, new FunctionSpec("mcp-toy", 512, Duration.ofSeconds(30), "java21"),
                new ToyToolServer().spec(clock), clock, latency);
        McpToolGateway gateway = new McpToolGateway(faas, clock, log, Map.of("toy", "mcp-toy"));
        Tags tags = new Tags("fame", "s1", "s1-t1", "actor");

        ToolResult result = clock.run("main", () -> {
            try (Scope s = Scope.with(tags)) {
                return gateway.call("toy", "echo", "{\"text\":\"hello\"}");
            }
        });

        assertThat(result.error()).isFalse();
        assertThat(result.content()).isEqualTo("hello");
        List<Event.Invocation> invocations = log.events(Event.Invocation.class);
        assertThat(invocations).extracting(Event.Invocation::cold).containsExactly(true, false, false);
        assertThat(invocations).allSatisfy(i -> assertThat(i.outcome()).isEqualTo("ok"));
        Event.Invocation toolCall = invocations.get(2);
        Event.ToolCall metered = log.events(Event.ToolCall.class).get(0);
        assertThat(metered.requestBytes()).isEqualTo(toolCall.requestBytes()).isEqualTo(result.requestBytes());
        assertThat(metered.responseBytes()).isEqualTo(toolCall.responseBytes()).isEqualTo(result.responseBytes());
        assertThat(toolCall.durationMicros()).isEqualTo(ECHO.toNanos() / 1000);
        assertThat(metered.latencyMicros()).isEqualTo((ECHO.plus(OVERHEAD)).toNanos() / 1000);
        assertThat(metered.tags()).isEqualTo(tags);
        assertThat(clock.now()).isEqualTo(INIT.plus(OVERHEAD.multipliedBy(3)).plus(ECHO));
    }
}
