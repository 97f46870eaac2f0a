package dev.fameharness.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.platform.clock.VirtualClock;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The SDK's own client ({@code McpSyncClient}) talks to a server hosted as a function, over a transport
 * whose {@code sendMessage} invokes the function: the hosted server is real MCP from the SDK client's side.
 * It also records on which thread the SDK made each invocation (single process: the caller's thread).
 */
class SdkClientInteropTest {

    /** Test transport: one function invocation per outgoing message, the response fed back to the SDK. */
    static final class FunctionClientTransport implements McpClientTransport {
        private final FunctionRuntime runtime;
        private final String function;
        private final List<Thread> invokeThreads = new CopyOnWriteArrayList<>();
        private volatile Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;

        FunctionClientTransport(FunctionRuntime runtime, String function) {
            this.runtime = runtime;
            this.function = function;
        }

        @Override
        public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> h) {
            this.handler = h;
            return Mono.empty();
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                invokeThreads.add(Thread.currentThread());
                byte[] response = runtime.invoke(function, McpJson.write(message));
                if (response.length > 0) {
                    try {
                        handler.apply(Mono.just(McpJson.read(response))).subscribe();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return McpJson.MAPPER.convertValue(data, typeRef);
        }
    }

    @Test
    void should_serve_the_sdk_client_on_the_calling_thread_when_a_single_process_calls() {
        VirtualClock clock = new VirtualClock(5);
        DirectFunctionRuntime runtime = new DirectFunctionRuntime();
        FixedLatencyModel latency = new FixedLatencyModel(Map.of("mcp.tool.echo", Duration.ofMillis(250)));
        McpFunctionServer.deploy(runtime, new FunctionSpec("mcp-toy", 512, Duration.ofSeconds(30), "java21"),
                new ToyToolServer().spec(clock), clock, latency);
        FunctionClientTransport transport = new FunctionClientTransport(runtime, "mcp-toy");

        record Outcome(List<String> tools, McpSchema.CallToolResult echo, McpSchema.CallToolResult bad,
                       Thread caller, Duration elapsed) {
        }
        Outcome outcome = clock.run("main", () -> {
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(10))
                    .initializationTimeout(Duration.ofMinutes(10)).build()) {
                client.initialize();
                List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
                Duration t0 = clock.now();
                McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));
                Duration elapsed = clock.now().minus(t0);
                McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 1)));
                return new Outcome(tools, echo, bad, Thread.currentThread(), elapsed);
            }
        });

        assertThat(outcome.tools()).containsExactly("echo", "add", "now", "big", "flaky");
        assertThat(((McpSchema.TextContent) outcome.echo().content().get(0)).text()).isEqualTo("hi");
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofMillis(250));
        assertThat(outcome.bad().isError()).isTrue();
        assertThat(((McpSchema.TextContent) outcome.bad().content().get(0)).text()).contains("'b'");
        assertThat(transport.invokeThreads).isNotEmpty().containsOnly(outcome.caller());
        assertThat(runtime.calls()).extracting(c -> c.thread()).containsOnly(outcome.caller());
    }
}
