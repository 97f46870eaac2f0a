package dev.fameharness.aws;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.llm.ChatModels;
import dev.fameharness.llm.OpenAiSettings;
import dev.fameharness.mcp.McpFunctionServer;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.engine.Servers;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.Scenarios;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One deployed function's code, built once per Lambda instance (the INIT phase) from its {@link LambdaSettings}.
 * The agent roles are the architecture {@link ArchitectureFactory} composes for a local run, on a wall-clock
 * platform that sleeps no modeled delay (AWS supplies the real ones): the role's handler is the very
 * {@code AgentHandlers} function the emulator runs, invoked through the in-instance runtime so the same payload
 * limits and metering apply. Stores are the preset's tables, buckets and prefixes at the configured endpoints.
 * The tool server is the scenario's MCP server behind {@link McpFunctionServer}, with no modeled latency.
 */
public final class LambdaWiring implements AutoCloseable {

    private final LambdaSettings settings;
    private final FunctionRole role;
    private final FunctionHandler handler;
    private final EventLog events;
    private final AutoCloseable resources;
    private int drained;

    private LambdaWiring(LambdaSettings settings, FunctionRole role, FunctionHandler handler, EventLog events,
                         AutoCloseable resources) {
        this.settings = settings;
        this.role = role;
        this.handler = handler;
        this.events = events;
        this.resources = resources;
    }

    /**
     * Builds the function for {@code role}. With {@code FAME_TOOL_FUNCTION} the actor reaches the tool server
     * through the Lambda Invoke API ({@link LambdaFunctionRuntime}); without it the tool server runs in this
     * instance, as in a local run.
     */
    public static LambdaWiring create(LambdaSettings settings, FunctionRole role) {
        String topology = settings.preset().topology();
        if (!role.in(topology)) {
            throw new ConfigException("handler " + role + " does not exist in preset '" + settings.preset().name()
                    + "' (topology " + topology + "); its functions are " + FunctionRole.of(topology));
        }
        Scenario scenario = scenario(settings);
        ToolServerSpec tools = scenario.toolServers().get(0);
        if (role == FunctionRole.TOOL_SERVER) {
            // A tool server has its own clock only for the SDK's needs: no modeled time passes on AWS.
            RunPlatform platform = platform();
            McpFunctionServer server = new McpFunctionServer(tools, platform.clock(), LatencyModel.ZERO);
            return new LambdaWiring(settings, role, server, platform.events(), server::close);
        }
        Optional<FunctionRuntime> deployedTools = settings.toolFunction().map(fn -> new LambdaFunctionRuntime(
                LambdaClient.create(), Map.of(tools.serverName(), fn), Map.of(tools.serverName(),
                new dev.fameharness.api.faas.FunctionSpec(tools.serverName(), ArchitectureFactory.TOOL_SERVER_MEMORY_MB,
                        java.time.Duration.ofSeconds(120), ArchitectureFactory.RUNTIME))));
        RunPlatform platform = platform();
        Servers servers = new Servers(settings.endpoints(), true);
        ChatModel model = model(settings, scenario).apply(platform);
        var architecture = ArchitectureFactory.build(settings.preset(), platform, servers, tools, model,
                settings.runToken(), deployedTools);
        FunctionRuntime inInstance = platform.faas();
        String function = role.function();
        FunctionHandler handler = payload -> platform.run(() -> inInstance.invoke(function, payload));
        return new LambdaWiring(settings, role, handler, platform.events(), servers::close);
    }

    /** Opened scenarios by name and data folder: loaded and verified once per JVM (one Lambda instance). */
    private static final Map<String, Scenario> SCENARIOS = new java.util.HashMap<>();

    private static synchronized Scenario scenario(LambdaSettings s) {
        return SCENARIOS.computeIfAbsent(s.scenario() + "|" + s.corpus(),
                k -> Scenarios.discover().get(s.scenario()).open(ScenarioOptions.data(s.corpus())));
    }

    /**
     * The wall clock with a delay scale of 0: nothing modeled is slept, measured durations are real. Resumed
     * state is expected: every invocation of a deployed preset continues on what the earlier ones saved.
     */
    private static RunPlatform platform() {
        return new RunPlatform(RunPlatform.ClockMode.WALL, 0, CalibrationProfile.loadDefault(), 0.0);
    }

    private static java.util.function.Function<RunPlatform, ChatModel> model(LambdaSettings s, Scenario scenario) {
        return switch (s.model()) {
            case "simulated" -> Harness.simulatedModel(scenario);
            case "openai" -> p -> ChatModels.openAi(OpenAiSettings.fromEnvironment(System.getenv(),
                    s.modelOptions().get("base_url"), s.modelOptions().get("model")), p.clock(), p.latency(), p.sink());
            default -> throw new ConfigException("unknown model '" + s.model() + "'");
        };
    }

    public FunctionRole role() {
        return role;
    }

    public LambdaSettings settings() {
        return settings;
    }

    /** Runs one invocation's payload through the role's handler. */
    public byte[] handle(byte[] payload) throws Exception {
        return handler.handle(payload);
    }

    /**
     * Hands the metering events this instance recorded since the last call to {@code sink} as JSON lines (the
     * handlers write them to the function's log, where a cloud run's collector reads LLM usage).
     */
    public synchronized void drainEvents(Consumer<String> sink) {
        List<Event> all = events.events();
        for (int i = drained; i < all.size(); i++) {
            sink.accept(EventLog.toJson(all.get(i)));
        }
        drained = all.size();
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
