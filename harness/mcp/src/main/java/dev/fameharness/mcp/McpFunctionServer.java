package dev.fameharness.mcp;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An MCP tool server hosted as a function, the way AWS's Lambda wrappers for MCP servers do it: the
 * invocation payload is one JSON-RPC message, the function's response is the JSON-RPC response.
 *
 * <p>Behind the {@link FunctionHandler} sits the MCP Java SDK's <b>stateless</b> server
 * ({@code McpServer.sync(McpStatelessServerTransport)}): the SDK parses the request, dispatches
 * {@code initialize}, {@code ping}, {@code tools/list} and {@code tools/call}, validates tool arguments
 * against the input schema and serialises the response; {@link FunctionTransport} only hands it the request.
 * The server is built with {@code immediateExecution(true)} and the handler's {@code Mono} is blocked on
 * the invoking thread, so a tool runs on the thread that invoked the function, where the harness clock and
 * {@link dev.fameharness.api.time.Scope} tags live.
 *
 * <p>Errors follow MCP 2025-11-25 ("Tools", error handling): an unknown tool is a protocol error (JSON-RPC
 * {@code -32602}, produced by the SDK); invalid arguments (schema violations found by the SDK, or a
 * {@link ToolArgumentException} from the handler) and other tool failures are tool-execution errors, a
 * result with {@code isError = true} whose text names the argument, so the model can correct the call.
 * A {@link FameException} thrown by a tool (a platform failure such as a store limit) is rethrown from
 * {@link #handle}: the function invocation fails, as a crashed Lambda would.
 *
 * <p>Notifications ({@code notifications/initialized}) are acknowledged with an empty response, as the
 * Streamable HTTP transport answers them with 202 Accepted and no body.
 *
 * <p>Modeled latency: after a tool's handler ran, the invocation lets
 * {@code latency.sample("mcp.tool." + tool, responseBytes)} pass on the clock, inside the handler, so it
 * counts in the invocation's duration (it stands for the remote download and parsing the real tool does). The
 * draw is keyed by the tool and its canonical arguments (common random numbers: the same call takes the same time
 * in every architecture).
 */
public final class McpFunctionServer implements FunctionHandler, AutoCloseable {

    /** {@code Tool._meta} key declaring a deterministic tool (value {@code true}/{@code false}). */
    public static final String DETERMINISTIC_META_KEY = "dev.fameharness/deterministic";
    /** Prefix of the calibration-profile entries for tool latency: {@code mcp.tool.<tool name>}. */
    public static final String LATENCY_PREFIX = "mcp.tool.";

    private static final byte[] ACK = new byte[0];

    private final ToolServerSpec spec;
    private final Clock clock;
    private final LatencyModel latency;
    private final FunctionTransport transport = new FunctionTransport();
    private final McpStatelessSyncServer server;

    public McpFunctionServer(ToolServerSpec spec, Clock clock, LatencyModel latency) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        for (ToolSpec tool : spec.tools()) {
            tools.add(new McpStatelessServerFeatures.SyncToolSpecification(toMcpTool(tool),
                    (context, request) -> callTool(tool, context, request)));
        }
        this.server = McpServer.sync(transport)
                .serverInfo(spec.serverName(), spec.version())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(McpJson.MAPPER)
                .immediateExecution(true)
                .validateToolInputs(true)
                .tools(tools)
                .build();
    }

    /**
     * Deploys {@code server} as function {@code function}: every cold instance builds its own
     * {@link McpFunctionServer} (the INIT phase), as a Lambda would.
     */
    public static void deploy(FunctionRuntime runtime, FunctionSpec function, ToolServerSpec server, Clock clock,
                              LatencyModel latency) {
        runtime.deploy(function, () -> new McpFunctionServer(server, clock, latency));
    }

    public ToolServerSpec spec() {
        return spec;
    }

    /** One JSON-RPC message in, its JSON-RPC response out (empty for a notification). */
    @Override
    public byte[] handle(byte[] payload) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpJson.read(payload);
        } catch (Exception e) {
            // JSON-RPC 2.0 §5.1: a parse error is answered with id null, which the SDK's JSONRPCResponse refuses.
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
            response.put("id", null);
            response.put("error", Map.of("code", McpSchema.ErrorCodes.PARSE_ERROR,
                    "message", "Parse error: " + e.getMessage()));
            return McpJson.write(response);
        }
        Invocation invocation = new Invocation();
        McpTransportContext context = McpTransportContext.create(Map.of(Invocation.KEY, invocation));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = transport.handler().handleRequest(context, request).block();
            if (invocation.failure != null) {
                throw invocation.failure;
            }
            if (response == null) {
                throw new McpProtocolException("MCP server " + spec.serverName() + " produced no response to "
                        + request.method() + " (id " + request.id() + ")");
            }
            byte[] bytes = McpJson.write(response);
            if (invocation.toolRan != null) {
                Duration modeled = latency.sample(LATENCY_PREFIX + invocation.toolRan, bytes.length,
                        invocation.toolRan + invocation.arguments);
                if (!modeled.isNegative() && !modeled.isZero()) {
                    clock.sleep(modeled, LatencyPart.TOOL);
                }
            }
            return bytes;
        }
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            transport.handler().handleNotification(context, notification).block();
        }
        // Notifications, and responses (a stateless server sends no requests, so nothing awaits them).
        return ACK;
    }

    @Override
    public void close() {
        server.close();
    }

    static McpSchema.Tool toMcpTool(ToolSpec tool) {
        return McpSchema.Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(McpJson.MAPPER, tool.inputSchemaJson())
                .annotations(McpSchema.ToolAnnotations.builder().idempotentHint(tool.deterministic()).build())
                .meta(Map.of(DETERMINISTIC_META_KEY, tool.deterministic()))
                .build();
    }

    private static McpSchema.CallToolResult callTool(ToolSpec tool, McpTransportContext context,
                                                     McpSchema.CallToolRequest request) {
        Invocation invocation = (Invocation) context.get(Invocation.KEY);
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        try {
            String text = tool.handler().call(arguments);
            invocation.toolRan = tool.name();
            invocation.arguments = canonical(arguments);
            return toolResult(Objects.requireNonNull(text, "tool " + tool.name() + " returned null"), false);
        } catch (ToolArgumentException e) {
            return toolResult("Invalid argument '" + e.argumentName() + "' for tool " + tool.name() + ": "
                    + e.getMessage(), true);
        } catch (FameException e) {
            invocation.failure = e;
            throw e;
        } catch (RuntimeException e) {
            invocation.toolRan = tool.name();
            invocation.arguments = canonical(arguments);
            return toolResult("Tool " + tool.name() + " failed: " + e, true);
        }
    }

    private static McpSchema.CallToolResult toolResult(String text, boolean error) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(error).build();
    }

    /** Per-invocation state shared with the tool handlers through the SDK's transport context. */
    private static final class Invocation {
        static final String KEY = "dev.fameharness.mcp.invocation";
        String toolRan;
        String arguments = "";
        FameException failure;
    }

    /** The arguments as JSON with keys sorted at every level: the same call always has the same text. */
    static String canonical(Map<String, Object> arguments) {
        return new String(McpJson.write(sorted(arguments)), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(McpFunctionServer::sorted).toList();
        }
        return value;
    }

    /**
     * The SDK's stateless transport seam: the SDK gives us its request handler; {@link #handle} calls it
     * for every invocation. There is no connection to open or close.
     */
    private static final class FunctionTransport implements McpStatelessServerTransport {
        private volatile McpStatelessServerHandler handler;

        @Override
        public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
            this.handler = mcpHandler;
        }

        McpStatelessServerHandler handler() {
            McpStatelessServerHandler h = handler;
            if (h == null) {
                throw new IllegalStateException("MCP server not built yet: no handler registered");
            }
            return h;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
