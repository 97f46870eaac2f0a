package dev.fameharness.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpFunctionServerTest {

    private final VirtualClock clock = new VirtualClock(3);

    private McpFunctionServer server(LatencyModel latency, ToolSpec... tools) {
        return new McpFunctionServer(ToolServerSpec.of("unit", "0.0.1", tools), clock, latency);
    }

    private static byte[] request(long id, String method, Object params) {
        return McpJson.write(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, id, params));
    }

    private static Map<String, Object> json(byte[] bytes) throws Exception {
        return McpJson.MAPPER.readValue(bytes, new TypeRef<Map<String, Object>>() {
        });
    }

    @Test
    void should_acknowledge_a_notification_with_an_empty_response() {
        McpFunctionServer server = server(LatencyModel.ZERO);
        byte[] notification = McpJson.write(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_INITIALIZED, null));

        assertThat(server.handle(notification)).isEmpty();
    }

    @Test
    void should_answer_a_json_rpc_parse_error_when_the_payload_is_not_json() throws Exception {
        McpFunctionServer server = server(LatencyModel.ZERO);

        Map<String, Object> response = json(server.handle("{not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.get("jsonrpc")).isEqualTo("2.0");
        Map<String, Object> error = castMap(response.get("error"));
        assertThat(error.get("code")).isEqualTo(-32700);
        assertThat(error.get("message").toString()).startsWith("Parse error");
    }

    @Test
    void should_answer_ping_with_an_empty_result() throws Exception {
        Map<String, Object> response = json(server(LatencyModel.ZERO).handle(request(9, "ping", null)));

        assertThat(response).containsEntry("id", 9).containsEntry("result", Map.of());
    }

    @Test
    void should_run_the_tool_on_the_invoking_thread_when_called_under_the_virtual_clock() throws Exception {
        McpFunctionServer server = server(fixed("mcp.tool.wait", Duration.ofMillis(40)),
                new ToolSpec("wait", "Sleeps one virtual second.", ToyToolServer.EMPTY_SCHEMA, false, args -> {
                    clock.sleep(Duration.ofSeconds(1)); // throws unless on a simulation process's thread
                    return Thread.currentThread().getName();
                }));

        byte[] response = clock.run("main", () -> server.handle(request(1, "tools/call",
                new McpSchema.CallToolRequest("wait", Map.of()))));

        Map<String, Object> result = castMap(json(response).get("result"));
        assertThat(result.get("isError")).isEqualTo(false);
        assertThat(castMap(((List<?>) result.get("content")).get(0)).get("text")).isEqualTo("vproc-main");
        assertThat(clock.now()).isEqualTo(Duration.ofMillis(1040));
    }

    @Test
    void should_fail_the_invocation_when_a_tool_throws_a_platform_exception() {
        McpFunctionServer server = server(LatencyModel.ZERO,
                new ToolSpec("store", "Writes to a store.", ToyToolServer.EMPTY_SCHEMA, false, args -> {
                    throw new RetriableException("ThrottlingException", "rate exceeded");
                }));

        assertThatThrownBy(() -> server.handle(request(1, "tools/call", new McpSchema.CallToolRequest("store", Map.of()))))
                .isInstanceOf(RetriableException.class).hasMessage("rate exceeded");
    }

    @Test
    void should_report_a_tool_error_when_a_tool_throws_another_exception() throws Exception {
        McpFunctionServer server = server(LatencyModel.ZERO,
                new ToolSpec("buggy", "Has a bug.", ToyToolServer.EMPTY_SCHEMA, false, args -> {
                    throw new IllegalStateException("index corrupt");
                }));

        Map<String, Object> result = castMap(json(server.handle(request(1, "tools/call",
                new McpSchema.CallToolRequest("buggy", Map.of())))).get("result"));

        assertThat(result.get("isError")).isEqualTo(true);
        assertThat(castMap(((List<?>) result.get("content")).get(0)).get("text").toString())
                .contains("buggy").contains("index corrupt");
    }

    @Test
    void should_declare_determinism_in_meta_and_annotations_when_listing_tools() throws Exception {
        McpFunctionServer server = server(LatencyModel.ZERO,
                new ToolSpec("fixed", "Deterministic.", ToyToolServer.EMPTY_SCHEMA, true, args -> "1"),
                new ToolSpec("random", "Not deterministic.", ToyToolServer.EMPTY_SCHEMA, false, args -> "2"));

        Map<String, Object> result = castMap(json(server.handle(request(1, "tools/list", Map.of()))).get("result"));

        List<?> tools = (List<?>) result.get("tools");
        assertThat(castMap(tools.get(0))).containsEntry("_meta", Map.of("dev.fameharness/deterministic", true))
                .containsEntry("annotations", Map.of("idempotentHint", true));
        assertThat(castMap(tools.get(1))).containsEntry("_meta", Map.of("dev.fameharness/deterministic", false));
    }

    @Test
    void should_refuse_a_server_spec_when_a_tool_is_declared_twice() {
        ToolSpec a = new ToolSpec("a", "A.", ToyToolServer.EMPTY_SCHEMA, true, args -> "a");

        assertThatThrownBy(() -> ToolServerSpec.of("dup", "1", a, a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' declared twice");
    }

    private static LatencyModel fixed(String operation, Duration duration) {
        return new FixedLatencyModel(Map.of(operation, duration));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
