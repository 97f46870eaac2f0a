package dev.fameharness.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import io.modelcontextprotocol.json.TypeRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class McpToolGatewayTest {

    private static final String FUNCTION = "mcp-toy";
    private static final Duration ECHO_LATENCY = Duration.ofMillis(250);

    private VirtualClock clock;
    private DirectFunctionRuntime runtime;
    private FixedLatencyModel latency;
    private EventLog events;
    private ToyToolServer toy;
    private McpToolGateway gateway;

    @BeforeEach
    void setUp() {
        clock = new VirtualClock(7);
        runtime = new DirectFunctionRuntime();
        latency = new FixedLatencyModel(Map.of("mcp.tool.echo", ECHO_LATENCY));
        events = new EventLog();
        toy = new ToyToolServer();
        McpFunctionServer.deploy(runtime, new FunctionSpec(FUNCTION, 512, Duration.ofSeconds(30), "java21"),
                toy.spec(clock), clock, latency);
        gateway = new McpToolGateway(runtime, clock, events, Map.of("toy", FUNCTION));
    }

    private <T> T simulate(Callable<T> body) {
        return clock.run("main", body);
    }

    private static Map<String, Object> json(String text) throws Exception {
        return McpJson.MAPPER.readValue(text, new TypeRef<Map<String, Object>>() {
        });
    }

    @Test
    void should_list_tools_with_schemas_and_deterministic_flags_when_connected() throws Exception {
        List<ToolDescriptor> tools = simulate(() -> gateway.tools());

        assertThat(tools).extracting(ToolDescriptor::name).containsExactly("echo", "add", "now", "big", "flaky");
        assertThat(tools).allSatisfy(t -> assertThat(t.server()).isEqualTo("toy"));
        assertThat(tools).filteredOn(ToolDescriptor::deterministic).extracting(ToolDescriptor::name)
                .containsExactly("echo", "add", "big");
        ToolDescriptor echo = tools.get(0);
        assertThat(echo.description()).isEqualTo("Repeats text.");
        assertThat(json(echo.inputSchemaJson())).isEqualTo(json(ToyToolServer.ECHO_SCHEMA));
        assertThat(json(tools.get(1).inputSchemaJson())).isEqualTo(json(ToyToolServer.ADD_SCHEMA));
    }

    @Test
    void should_initialize_then_list_once_when_tools_requested_twice() {
        simulate(() -> {
            gateway.tools();
            return gateway.tools();
        });

        assertThat(runtime.calls()).extracting(c -> (String) jsonUnchecked(c.requestText()).get("method"))
                .containsExactly("initialize", "notifications/initialized", "tools/list");
        assertThat(runtime.calls().get(1).response()).isEmpty();
        Map<String, Object> init = jsonUnchecked(runtime.calls().get(0).responseText());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) init.get("result");
        assertThat(result.get("protocolVersion")).isEqualTo("2025-11-25");
        assertThat(result.get("serverInfo")).isEqualTo(Map.of("name", "toy", "version", "1.0.0"));
    }

    @Test
    void should_return_content_when_tool_called_with_valid_arguments() {
        ToolResult echo = simulate(() -> gateway.call("toy", "echo", "{\"text\":\"ab\",\"times\":3}"));
        ToolResult add = simulate(() -> gateway.call("toy", "add", "{\"a\":2,\"b\":40}"));

        assertThat(echo.error()).isFalse();
        assertThat(echo.content()).isEqualTo("ababab");
        assertThat(add.error()).isFalse();
        assertThat(add.content()).isEqualTo("42");
    }

    @Test
    void should_name_the_argument_when_a_required_argument_is_missing() {
        ToolResult result = simulate(() -> gateway.call("toy", "add", "{\"a\":2}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).contains("add").contains("required property 'b' not found");
        assertThat(toy.toolThreads).isEmpty();
    }

    @Test
    void should_name_the_argument_when_an_argument_has_the_wrong_type() {
        ToolResult result = simulate(() -> gateway.call("toy", "echo", "{\"text\":\"hi\",\"times\":\"three\"}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).contains("echo").contains("/times: string found, integer expected");
        assertThat(toy.toolThreads).isEmpty();
    }

    @Test
    void should_name_the_argument_when_the_handler_rejects_it() {
        ToolResult result = simulate(() -> gateway.call("toy", "echo", "{\"text\":\"hi\",\"times\":99}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).isEqualTo("Invalid argument 'times' for tool echo: must be between 1 and 10, was 99");
    }

    @Test
    void should_name_the_tool_when_the_tool_is_unknown() {
        ToolResult result = simulate(() -> gateway.call("toy", "ecko", "{}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).contains("-32602").contains("Tool not found: ecko");
        Map<String, Object> response = jsonUnchecked(runtime.calls("tools/call").get(0).responseText());
        assertThat(response).containsKey("error").doesNotContainKey("result");
    }

    @Test
    void should_report_an_error_without_invoking_when_arguments_are_not_a_json_object() {
        ToolResult result = simulate(() -> gateway.call("toy", "echo", "[1,2]"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).contains("not a JSON object");
        assertThat(result.requestBytes()).isZero();
        assertThat(runtime.calls("tools/call")).isEmpty();
    }

    @Test
    void should_send_valid_json_rpc_when_calling_a_tool() {
        ToolResult result = simulate(() -> gateway.call("toy", "echo", "{\"text\":\"hi\"}"));

        List<DirectFunctionRuntime.Call> calls = runtime.calls("tools/call");
        assertThat(calls).hasSize(1);
        String request = calls.get(0).requestText();
        assertThat(request).contains("\"jsonrpc\":\"2.0\"").contains("\"method\":\"tools/call\"");
        Map<String, Object> req = jsonUnchecked(request);
        assertThat(req.get("params")).isEqualTo(Map.of("name", "echo", "arguments", Map.of("text", "hi")));
        Map<String, Object> resp = jsonUnchecked(calls.get(0).responseText());
        assertThat(resp.get("jsonrpc")).isEqualTo("2.0");
        assertThat(resp.get("id")).isEqualTo(req.get("id"));
        assertThat(resp.get("result")).isEqualTo(Map.of("content", List.of(Map.of("type", "text", "text", "hi")),
                "isError", false));
        assertThat(result.requestBytes()).isEqualTo(calls.get(0).request().length);
        assertThat(result.responseBytes()).isEqualTo(calls.get(0).response().length);
    }

    @Test
    void should_let_the_modeled_tool_latency_pass_in_virtual_time_when_a_tool_is_called() {
        long[] elapsedNanos = simulate(() -> {
            gateway.tools();
            long t0 = clock.now().toNanos();
            gateway.call("toy", "echo", "{\"text\":\"hi\"}");
            long t1 = clock.now().toNanos();
            gateway.call("toy", "add", "{\"a\":1,\"b\":1}");
            return new long[] {t1 - t0, clock.now().toNanos() - t1};
        });

        assertThat(Duration.ofNanos(elapsedNanos[0])).isEqualTo(ECHO_LATENCY);
        assertThat(elapsedNanos[1]).isZero();
        DirectFunctionRuntime.Call echoCall = runtime.calls("tools/call").get(0);
        assertThat(latency.samples()).containsExactly(
                new FixedLatencyModel.Sample("mcp.tool.echo", echoCall.response().length),
                new FixedLatencyModel.Sample("mcp.tool.add", runtime.calls("tools/call").get(1).response().length));
        assertThat(toy.toolThreads).containsOnly(echoCall.thread());
    }

    @Test
    void should_emit_a_tool_call_event_with_the_payload_sizes_when_a_tool_is_called() {
        Tags tags = new Tags("fame", "s001", "s001-t01", "actor");
        simulate(() -> {
            try (Scope s = Scope.with(tags)) {
                clock.sleep(Duration.ofMillis(10));
                gateway.call("toy", "echo", "{\"text\":\"hi\"}");
                return gateway.call("toy", "echo", "{\"text\":\"hi\",\"times\":0}");
            }
        });

        List<Event.ToolCall> calls = events.events(Event.ToolCall.class);
        List<DirectFunctionRuntime.Call> payloads = runtime.calls("tools/call");
        assertThat(calls).hasSize(2);
        Event.ToolCall ok = calls.get(0);
        assertThat(ok.tags()).isEqualTo(tags);
        assertThat(ok.server()).isEqualTo("toy");
        assertThat(ok.tool()).isEqualTo("echo");
        assertThat(ok.cache()).isEqualTo("off");
        assertThat(ok.outcome()).isEqualTo("ok");
        assertThat(ok.requestBytes()).isEqualTo(payloads.get(0).request().length);
        assertThat(ok.responseBytes()).isEqualTo(payloads.get(0).response().length);
        assertThat(ok.latencyMicros()).isEqualTo(ECHO_LATENCY.toNanos() / 1000);
        assertThat(ok.atMicros()).isEqualTo(10_000);
        Event.ToolCall error = calls.get(1);
        assertThat(error.outcome()).isEqualTo("error");
        assertThat(error.requestBytes()).isEqualTo(payloads.get(1).request().length);
        assertThat(error.responseBytes()).isEqualTo(payloads.get(1).response().length);
        assertThat(error.atMicros()).isEqualTo(10_000 + ECHO_LATENCY.toNanos() / 1000);
    }

    @Test
    void should_propagate_the_function_error_when_a_tool_fails_with_a_platform_exception() {
        assertThatThrownBy(() -> simulate(() -> gateway.call("toy", "flaky", "{}")))
                .isInstanceOf(FunctionErrorException.class)
                .hasMessageContaining("store throttled the tool")
                .satisfies(e -> assertThat(((FunctionErrorException) e).isRetriable()).isTrue());

        assertThat(events.events(Event.ToolCall.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("failed");
                    assertThat(e.requestBytes()).isPositive();
                    assertThat(e.responseBytes()).isZero();
                });
    }

    @Test
    void should_propagate_the_limit_when_a_tool_response_exceeds_the_payload_limit() {
        assertThatThrownBy(() -> simulate(() -> gateway.call("toy", "big", "{\"bytes\":7000000}")))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo("lambda.sync_payload"));
    }

    @Test
    void should_refuse_an_unknown_server_when_called() {
        assertThatThrownBy(() -> simulate(() -> gateway.call("nope", "echo", "{}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope").hasMessageContaining("toy");
    }

    @Test
    void should_list_tools_of_every_server_when_several_are_connected() {
        McpFunctionServer.deploy(runtime, new FunctionSpec("mcp-other", 256, Duration.ofSeconds(10), "java21"),
                ToolServerSpec.of("other", "2.0", new ToolSpec("ping", "Answers pong.",
                        ToyToolServer.EMPTY_SCHEMA, true, args -> "pong")), clock, latency);
        McpToolGateway two = new McpToolGateway(runtime, clock, events, Map.of("toy", FUNCTION, "other", "mcp-other"));

        List<ToolDescriptor> tools = simulate(two::tools);
        ToolResult pong = simulate(() -> two.call("other", "ping", "{}"));

        assertThat(tools).extracting(t -> t.server() + "/" + t.name())
                .containsExactly("other/ping", "toy/echo", "toy/add", "toy/now", "toy/big", "toy/flaky");
        assertThat(pong.content()).isEqualTo("pong");
    }

    @Test
    void should_serve_concurrent_processes_when_they_call_at_the_same_virtual_time() {
        List<String> results = simulate(() -> {
            var a = clock.spawn("a", () -> gateway.call("toy", "echo", "{\"text\":\"a\"}").content() + "@"
                    + clock.now().toMillis());
            var b = clock.spawn("b", () -> gateway.call("toy", "echo", "{\"text\":\"b\"}").content() + "@"
                    + clock.now().toMillis());
            return List.of(a.join(), b.join());
        });

        assertThat(results).containsExactly("a@250", "b@250");
        assertThat(events.events(Event.ToolCall.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.latencyMicros()).isEqualTo(250_000));
    }

    private static Map<String, Object> jsonUnchecked(String text) {
        try {
            return json(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
