package dev.fameharness.mcp;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reference {@link ToolGateway}: MCP over function invocations. Each connected server is an MCP server
 * hosted as a function ({@link McpFunctionServer}); every JSON-RPC message is the payload of one synchronous
 * invocation through the {@link FunctionRuntime}, made on the thread that called the gateway, so the
 * invocation's modeled time passes for the calling process and is tagged with its {@link Scope}.
 *
 * <p>Per server, on first use: {@code initialize}, {@code notifications/initialized}, {@code tools/list}
 * (cached; {@link ToolDescriptor#deterministic()} is read from the tool's {@code _meta}
 * {@value McpFunctionServer#DETERMINISTIC_META_KEY}). Then one {@code tools/call} per {@link #call}.
 *
 * <p>Why not the SDK's {@code McpSyncClient}: it is a blocking facade over a Reactor client. Its
 * initialisation is a shared {@code Sinks.One} that a second caller waits on with {@code Mono.block()}, and
 * its request and initialisation timeouts are wall-clock timers on Reactor's parallel scheduler. Under the
 * virtual clock the first would block the real thread of a simulated process while another holds the
 * baton (a deadlock), the second would time out in real time while virtual time stands still. This client
 * is synchronous instead, but builds and parses every message with the SDK's {@link McpSchema} types and
 * mapper, so the bytes on the wire are the SDK's (the module's tests also drive the hosted server with
 * {@code McpSyncClient} to check interoperability).
 *
 * <p>Results: a {@code CallToolResult} becomes a {@link ToolResult} (text contents joined by newlines,
 * {@code error = isError}); a JSON-RPC invalid-params error (-32602: unknown tool) becomes
 * {@code error = true} with the server's message naming the tool. Other JSON-RPC errors and malformed
 * responses throw {@link McpProtocolException}; function errors, timeouts, throttling and payload limits
 * propagate as the {@link FunctionRuntime}'s exceptions.
 *
 * <p>Metering: every {@link #call} emits one {@link Event.ToolCall} with {@code cache = off}, the sizes of the
 * real {@code tools/call} request and response, the clock time elapsed and outcome {@code ok}, {@code error}
 * (the tool or the server reported an error) or {@code failed} (an exception was thrown). The connection
 * handshake happens before the call's clock starts; its cost is in the platform's invocation events.
 */
public final class McpToolGateway implements ToolGateway {

    public static final String CACHE_OFF = "off";
    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_ERROR = "error";
    public static final String OUTCOME_FAILED = "failed";

    private final Clock clock;
    private final EventSink events;
    private final SortedMap<String, McpFunctionConnection> connections = new TreeMap<>();

    /**
     * @param functionsByServer server name (as used in {@link #call} and {@link ToolDescriptor#server()}) to
     *                          the name of the function hosting it; servers are listed in name order
     */
    public McpToolGateway(FunctionRuntime runtime, Clock clock, EventSink events,
                          Map<String, String> functionsByServer) {
        Objects.requireNonNull(runtime, "runtime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        if (functionsByServer.isEmpty()) {
            throw new ConfigException("McpToolGateway needs at least one MCP server function");
        }
        McpSchema.Implementation clientInfo = new McpSchema.Implementation("fame-harness-mcp-client", "0.1.0");
        functionsByServer.forEach((server, function) -> connections.put(server,
                new McpFunctionConnection(server, function, runtime, clientInfo)));
    }

    /** One server whose name is its function's name. */
    public static McpToolGateway of(FunctionRuntime runtime, Clock clock, EventSink events, String function) {
        return new McpToolGateway(runtime, clock, events, Map.of(function, function));
    }

    @Override
    public List<ToolDescriptor> tools() {
        List<ToolDescriptor> all = new ArrayList<>();
        for (McpFunctionConnection connection : connections.values()) {
            all.addAll(connection.tools());
        }
        return List.copyOf(all);
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
        McpFunctionConnection connection = connection(server);
        connection.initialize();
        Tags tags = Scope.current();
        long startMicros = micros();
        Map<String, Object> arguments;
        try {
            arguments = McpFunctionConnection.parseArguments(argumentsJson);
        } catch (Exception e) {
            ToolResult result = new ToolResult("Invalid arguments for tool " + tool + ": not a JSON object ("
                    + e.getMessage() + ")", true, 0, 0);
            emit(startMicros, tags, server, tool, result.requestBytes(), result.responseBytes(), OUTCOME_ERROR);
            return result;
        }
        McpFunctionConnection.Request request = connection.toolCall(tool, arguments);
        McpFunctionConnection.Exchange exchange;
        try {
            exchange = connection.send(request);
        } catch (RuntimeException e) {
            emit(startMicros, tags, server, tool, request.bytes().length, 0, OUTCOME_FAILED);
            throw e;
        }
        ToolResult result;
        try {
            result = toResult(server, tool, exchange);
        } catch (RuntimeException e) {
            emit(startMicros, tags, server, tool, exchange.requestBytes(), exchange.responseBytes(), OUTCOME_FAILED);
            throw e;
        }
        emit(startMicros, tags, server, tool, result.requestBytes(), result.responseBytes(),
                result.error() ? OUTCOME_ERROR : OUTCOME_OK);
        return result;
    }

    private McpFunctionConnection connection(String server) {
        McpFunctionConnection connection = connections.get(server);
        if (connection == null) {
            throw new ConfigException("no MCP server named '" + server + "'; connected servers: "
                    + connections.keySet());
        }
        return connection;
    }

    private static ToolResult toResult(String server, String tool, McpFunctionConnection.Exchange exchange) {
        McpSchema.JSONRPCResponse response = exchange.response();
        if (response.error() != null) {
            McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
            String text = "MCP error " + error.code() + " from server " + server + " calling tool " + tool + ": "
                    + error.message() + (error.data() == null ? "" : " (" + error.data() + ")");
            if (error.code() != null && error.code() == McpSchema.ErrorCodes.INVALID_PARAMS) {
                return new ToolResult(text, true, exchange.requestBytes(), exchange.responseBytes());
            }
            throw new McpProtocolException(text);
        }
        McpSchema.CallToolResult result = McpJson.MAPPER.convertValue(response.result(),
                McpSchema.CallToolResult.class);
        String content = result.content() == null ? "" : result.content().stream()
                .map(McpToolGateway::text)
                .collect(Collectors.joining("\n"));
        return new ToolResult(content, Boolean.TRUE.equals(result.isError()), exchange.requestBytes(),
                exchange.responseBytes());
    }

    private static String text(McpSchema.Content content) {
        if (content instanceof McpSchema.TextContent t) {
            return t.text();
        }
        return new String(McpJson.write(content), StandardCharsets.UTF_8);
    }

    private void emit(long startMicros, Tags tags, String server, String tool, long requestBytes,
                      long responseBytes, String outcome) {
        events.emit(new Event.ToolCall(startMicros, tags, server, tool, CACHE_OFF, requestBytes, responseBytes,
                micros() - startMicros, outcome));
    }

    private long micros() {
        return clock.now().toNanos() / 1_000;
    }
}
