package dev.fameharness.runner.engine;

import dev.fameharness.agent.Agent;
import dev.fameharness.agent.AgentConfig;
import dev.fameharness.strategies.state.KeyValueValueStore;
import dev.fameharness.strategies.state.ObjectValueStore;
import dev.fameharness.strategies.state.ReferencingToolGateway;
import dev.fameharness.strategies.state.StoreSessionMemory;
import dev.fameharness.strategies.state.StoredStateCarrier;
import dev.fameharness.agent.state.ValueStore;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.baselines.PayloadStateCarrier;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.agent.strategy.StateCarrier;
import dev.fameharness.agent.strategy.Topology;
import dev.fameharness.strategies.topology.FunctionSettings;
import dev.fameharness.baselines.MonolithicTopology;
import dev.fameharness.strategies.topology.WorkflowTopology;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.store.KeyValueStore;
import dev.fameharness.api.store.ObjectStore;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.baselines.ClientTranscript;
import dev.fameharness.baselines.ObjectKeyValueStore;
import dev.fameharness.baselines.PerfectCacheToolGateway;
import dev.fameharness.fame.CachingToolGateway;
import dev.fameharness.fame.TieredValueStore;
import dev.fameharness.mcp.McpFunctionServer;
import dev.fameharness.mcp.McpToolGateway;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.WriteLedger;
import dev.fameharness.storage.metering.MeteredKeyValueStore;
import dev.fameharness.storage.metering.MeteredObjectStore;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import dev.fameharness.agent.Observation;

/**
 * The one place presets become strategy objects. Every architecture gets the same {@link Agent} (same
 * prompts, same roles, same model) and differs only in what this factory composes around it.
 */
public final class ArchitectureFactory {

    /**
     * The one runtime every agent and tool function is configured with: a Python 3.12 application with LangGraph,
     * langchain-openai, the MCP SDK and boto3, as the paper's agents are LangGraph Python Lambdas. The profile
     * gives its INIT time ({@code lambda.init.<runtime>}) and its handler CPU work ({@code lambda.compute.<runtime>}).
     */
    public static final String RUNTIME = "python3.12-langgraph";
    /** Memory of the MCP tool-server functions. */
    public static final int TOOL_SERVER_MEMORY_MB = 512;
    static final Duration MEMORY_TTL = Duration.ofDays(7);
    static final int MEMORY_NOTES = 12;
    static final int MEMORY_ATTEMPTS = 200;

    private ArchitectureFactory() {
    }

    /** The store name (table, bucket, Redis prefix base) a preset uses in a run. */
    public static String storeName(Preset preset, String runToken) {
        return ("fame-" + preset.name() + "-" + runToken).toLowerCase(Locale.ROOT);
    }

    public static Architecture build(Preset preset, RunPlatform platform, Servers servers,
                                     List<ToolServerSpec> toolServers, ChatModel model, String runToken) {
        return build(preset, platform, servers, toolServers, model, runToken, java.util.Optional.empty());
    }

    /** One tool server (the Lambda wiring hosts one per function). */
    public static Architecture build(Preset preset, RunPlatform platform, Servers servers, ToolServerSpec toolServer,
                                     ChatModel model, String runToken,
                                     java.util.Optional<FunctionRuntime> deployedTools) {
        return build(preset, platform, servers, List.of(toolServer), model, runToken, deployedTools);
    }

    /**
     * @param deployedTools where the MCP tool servers already run as functions (on AWS: Lambdas reached through
     *                      the Lambda API); empty = deploy them on this preset's platform, as every local run does
     */
    public static Architecture build(Preset preset, RunPlatform platform, Servers servers,
                                     List<ToolServerSpec> toolServers, ChatModel model, String runToken,
                                     java.util.Optional<FunctionRuntime> deployedTools) {
        String storeName = storeName(preset, runToken);
        EventSink events = platform.sink();

        // MCP tool servers are functions on this preset's platform (one function per server), or already deployed.
        FunctionRuntime toolRuntime = deployedTools.orElse(platform.faas());
        Map<String, String> toolFunctions = deployedTools.isPresent() ? names(toolServers)
                : deployTools(platform.faas(), toolServers, platform.clock(), platform.latency());
        ToolGateway tools = platform.wrap(new McpToolGateway(toolRuntime, platform.clock(), events, toolFunctions));

        // Stores: real servers, metered unless the preset's state is free (the oracle).
        // The raw stores (unmetered, unfaulted) are kept to verify, after the run, what its turns saved.
        KeyValueStore kv = null;
        KeyValueStore rawKv = null;
        ObjectStore objects = null;
        ObjectStore rawObjects = null;
        if (!"payload".equals(preset.state())) {
            String kvType = "single".equals(preset.state()) ? preset.singleStore() : preset.hotStore();
            if (!"s3".equals(kvType)) {
                rawKv = servers.keyValue(kvType, "redis".equals(kvType) ? storeName + ":" : storeName,
                        platform.clock());
                kv = meter(rawKv, preset, platform);
            }
            if ("tiered".equals(preset.state()) || "s3".equals(kvType) || preset.toolCache()) {
                rawObjects = servers.objects(storeName);
                objects = meter(rawObjects, preset, platform);
            }
            if (kv == null) {
                kv = new ObjectKeyValueStore(objects);
                rawKv = new ObjectKeyValueStore(rawObjects);
            }
        }
        WriteLedger ledger = rawKv == null ? WriteLedger.none() : ledger(preset, rawKv, rawObjects);

        StateCarrier carrier;
        ValueStore artifacts = null;
        switch (preset.state()) {
            case "payload" -> carrier = new PayloadStateCarrier();
            case "tiered" -> {
                ValueStore cold = new ObjectValueStore(objects);
                artifacts = ledger.record("artifact", cold);
                carrier = new StoredStateCarrier("tiered", ledger.record("state", new TieredValueStore(
                        new KeyValueValueStore(kv, 0, MEMORY_TTL), cold, preset.offloadThresholdBytes())));
            }
            default -> {
                ValueStore values = "s3".equals(preset.singleStore()) ? new ObjectValueStore(objects)
                        : new KeyValueValueStore(kv, preset.chunkBytes(), MEMORY_TTL);
                artifacts = ledger.record("artifact", values);
                carrier = new StoredStateCarrier("single-" + preset.singleStore(), ledger.record("state", values));
            }
        }

        UnaryOperator<Observation> recorder = UnaryOperator.identity();
        if (preset.references()) {
            ReferencingToolGateway referencing = new ReferencingToolGateway(tools, artifacts,
                    preset.referenceThresholdBytes());
            recorder = referencing.recorder();
            tools = referencing;
        }
        if (preset.perfectCache()) {
            tools = new PerfectCacheToolGateway(tools, freeTools(preset, platform, toolServers, artifacts), platform.clock(), events);
        } else if (preset.toolCache()) {
            tools = new CachingToolGateway(tools, objects, preset.cacheTtl(), platform.clock(), events);
        }

        ClientTranscript transcript = preset.clientHistory() ? new ClientTranscript() : null;
        SessionMemory memory = preset.memory()
                ? ledger.record(new StoreSessionMemory(kv.backend(), kv, MEMORY_NOTES, MEMORY_ATTEMPTS, MEMORY_TTL))
                : transcript != null ? transcript : SessionMemory.NONE;

        Agent agent = new Agent(model, tools, AgentConfig.DEFAULT, recorder);
        AgentHandlers handlers = new AgentHandlers(agent, carrier, memory);
        FunctionSettings settings = new FunctionSettings(preset.functionMemoryMb(), Duration.ofSeconds(300), RUNTIME);
        Topology topology = switch (preset.topology()) {
            case "separate" -> new WorkflowTopology(WorkflowTopology.Variant.SEPARATE, platform.workflows(),
                    platform.faas(), handlers, settings);
            case "fused" -> new WorkflowTopology(WorkflowTopology.Variant.FUSED, platform.workflows(),
                    platform.faas(), handlers, settings);
            default -> new MonolithicTopology(platform.faas(), handlers, settings, platform.clock());
        };
        if (transcript != null) {
            topology = transcript.client(topology);
        }
        return new Architecture(preset, topology, carrier, memory, tools, ledger);
    }

    /** Reads back what the run saved through the raw stores, laid out exactly as the architecture wrote it. */
    private static WriteLedger ledger(Preset preset, KeyValueStore rawKv, ObjectStore rawObjects) {
        Map<String, ValueStore> readers = new HashMap<>();
        readers.put("kv", new KeyValueValueStore(rawKv, "tiered".equals(preset.state()) ? 0 : preset.chunkBytes(),
                MEMORY_TTL));
        if (rawObjects != null) {
            readers.put("s3", new ObjectValueStore(rawObjects));
        }
        return new WriteLedger(readers, new StoreSessionMemory(rawKv.backend(), rawKv, MEMORY_NOTES, MEMORY_ATTEMPTS,
                MEMORY_TTL), MEMORY_NOTES);
    }

    /**
     * The oracle's tools: the same MCP servers on a second platform that takes no time and meters nothing,
     * wrapped in the same reference layer so answers read the same artifacts.
     */
    private static ToolGateway freeTools(Preset preset, RunPlatform platform, List<ToolServerSpec> toolServers,
                                         ValueStore artifacts) {
        FaasEmulator free = new FaasEmulator(platform.clock(), LatencyModel.ZERO, EventSink.NONE, FaasConfig.defaults());
        ToolGateway gateway = new McpToolGateway(free, platform.clock(), EventSink.NONE,
                deployTools(free, toolServers, platform.clock(), LatencyModel.ZERO));
        return preset.references()
                ? new ReferencingToolGateway(gateway, artifacts, preset.referenceThresholdBytes()) : gateway;
    }

    /** Server name to function name when the servers are already deployed under their names. */
    private static Map<String, String> names(List<ToolServerSpec> toolServers) {
        Map<String, String> functions = new java.util.LinkedHashMap<>();
        toolServers.forEach(t -> functions.put(t.serverName(), t.serverName()));
        return functions;
    }

    /** Hosts each server as a function named after it; returns server name to function name. */
    private static Map<String, String> deployTools(FunctionRuntime faas, List<ToolServerSpec> toolServers, Clock clock,
                                                   LatencyModel latency) {
        if (toolServers.isEmpty()) {
            throw new IllegalArgumentException("a scenario must bring at least one MCP tool server");
        }
        Map<String, String> functions = new java.util.LinkedHashMap<>();
        for (ToolServerSpec server : toolServers) {
            McpFunctionServer.deploy(faas, new FunctionSpec(server.serverName(), TOOL_SERVER_MEMORY_MB,
                    Duration.ofSeconds(120), RUNTIME), server, clock, latency);
            functions.put(server.serverName(), server.serverName());
        }
        return functions;
    }

    private static KeyValueStore meter(KeyValueStore store, Preset preset, RunPlatform platform) {
        return preset.freeState() ? store
                : platform.wrap(new MeteredKeyValueStore(store, platform.clock(), platform.latency(), platform.sink(),
                        platform.storage()));
    }

    private static ObjectStore meter(ObjectStore store, Preset preset, RunPlatform platform) {
        return preset.freeState() ? store
                : platform.wrap(new MeteredObjectStore(store, platform.clock(), platform.latency(), platform.sink(),
                        platform.storage()));
    }
}
