package dev.fameharness.runner.engine;

import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.calibration.ProfileLatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.clock.WallClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.workflow.AslWorkflowEngine;

/**
 * One preset's platform for one run: its own clock (so every preset starts at time zero with the same seed),
 * event stream, FaaS emulator and workflow engine. Stores are shared servers with per-preset tables/buckets.
 */
public final class RunPlatform {

    private final Clock clock;
    private final EventLog events = new EventLog();
    private final LatencyModel latency;
    private final FaasEmulator emulator;
    private final dev.fameharness.api.faas.FunctionRuntime faas;
    private final java.util.Optional<dev.fameharness.faults.FaultInjector> faults;
    private final dev.fameharness.faults.Retrier retrier;
    private final AslWorkflowEngine workflows;
    private final CalibrationProfile profile;
    private final dev.fameharness.storage.metering.StorageMeter storage = new dev.fameharness.storage.metering.StorageMeter();

    public RunPlatform(ClockMode mode, long seed, CalibrationProfile profile, double wallDelayScale) {
        this(mode, seed, profile, wallDelayScale, java.util.Map.of());
    }

    /**
     * @param faults the experiment's {@code faults:} section (empty = no faults). With faults, every store,
     *               function, tool and model call goes through the seeded injector, and stores, tools and the
     *               model are retried the way the AWS SDKs retry (standard mode); workflows retry through
     *               their own Retry fields.
     */
    public RunPlatform(ClockMode mode, long seed, CalibrationProfile profile, double wallDelayScale,
                       java.util.Map<String, Object> faults) {
        this.profile = profile;
        this.clock = mode == ClockMode.VIRTUAL ? new VirtualClock(seed) : new WallClock(seed, wallDelayScale);
        this.latency = new ProfileLatencyModel(profile, seed);
        this.emulator = new FaasEmulator(clock, latency, events, FaasConfig.fromProfile(profile));
        dev.fameharness.faults.FaultPlan plan = dev.fameharness.faults.FaultPlan.fromMap(faults);
        this.faults = faults.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new dev.fameharness.faults.FaultInjector(plan, clock, events,
                        new dev.fameharness.faults.FaultLog(), new dev.fameharness.api.time.KeyedRandom(seed)));
        this.retrier = new dev.fameharness.faults.Retrier(dev.fameharness.faults.RetryPolicy.standard(), clock, events,
                new dev.fameharness.api.time.KeyedRandom(seed));
        this.faas = this.faults.<dev.fameharness.api.faas.FunctionRuntime>map(
                f -> new dev.fameharness.faults.FaultyFunctionRuntime(emulator, f)).orElse(emulator);
        this.workflows = new AslWorkflowEngine(faas, clock, latency, events, dev.fameharness.workflow.AslOptions.DEFAULTS,
                new dev.fameharness.api.time.KeyedRandom(seed));
    }

    public java.util.Optional<dev.fameharness.faults.FaultInjector> faults() {
        return faults;
    }

    public dev.fameharness.api.store.KeyValueStore wrap(dev.fameharness.api.store.KeyValueStore store) {
        return faults.<dev.fameharness.api.store.KeyValueStore>map(f -> new dev.fameharness.faults.RetryingKeyValueStore(
                new dev.fameharness.faults.FaultyKeyValueStore(store, f), retrier)).orElse(store);
    }

    public dev.fameharness.api.store.ObjectStore wrap(dev.fameharness.api.store.ObjectStore store) {
        return faults.<dev.fameharness.api.store.ObjectStore>map(f -> new dev.fameharness.faults.RetryingObjectStore(
                new dev.fameharness.faults.FaultyObjectStore(store, f), retrier)).orElse(store);
    }

    public dev.fameharness.api.tools.ToolGateway wrap(dev.fameharness.api.tools.ToolGateway tools) {
        return faults.<dev.fameharness.api.tools.ToolGateway>map(f -> new dev.fameharness.faults.RetryingToolGateway(
                new dev.fameharness.faults.FaultyToolGateway(tools, f), retrier)).orElse(tools);
    }

    public dev.langchain4j.model.chat.ChatModel wrap(dev.langchain4j.model.chat.ChatModel model) {
        return faults.<dev.langchain4j.model.chat.ChatModel>map(f -> new dev.fameharness.faults.RetryingChatModel(
                new dev.fameharness.faults.FaultyChatModel(model, f, "gpt-4o-mini"), retrier, "gpt-4o-mini"))
                .orElse(model);
    }

    public Clock clock() {
        return clock;
    }

    public EventLog events() {
        return events;
    }

    public EventSink sink() {
        return events;
    }

    public LatencyModel latency() {
        return latency;
    }

    /** The function runtime every function is deployed on and invoked through (with faults if configured). */
    public dev.fameharness.api.faas.FunctionRuntime faas() {
        return faas;
    }

    public FaasEmulator emulator() {
        return emulator;
    }

    public AslWorkflowEngine workflows() {
        return workflows;
    }

    public CalibrationProfile profile() {
        return profile;
    }

    /** Bytes held in DynamoDB and S3 over this run's clock time, by the turn that wrote them. */
    public dev.fameharness.storage.metering.StorageMeter storage() {
        return storage;
    }

    /** Runs {@code main} as the simulation (virtual) or directly on this thread (wall). */
    public <T> T run(java.util.concurrent.Callable<T> main) {
        if (clock instanceof VirtualClock v) {
            T result = v.run("run", main);
            if (!v.orphanFailures().isEmpty()) {
                throw new IllegalStateException("processes failed without being joined: " + v.orphanFailures(),
                        v.orphanFailures().get(0));
            }
            return result;
        }
        try {
            return main.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two clock modes. */
    public enum ClockMode {
        VIRTUAL, WALL;

        public static ClockMode parse(String s) {
            return switch (s) {
                case "virtual" -> VIRTUAL;
                case "wall" -> WALL;
                default -> throw new dev.fameharness.api.error.ConfigException(
                        "unknown clock mode '" + s + "'; accepted: virtual, wall");
            };
        }
    }
}
