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
    private final FaasEmulator faas;
    private final AslWorkflowEngine workflows;
    private final CalibrationProfile profile;

    public RunPlatform(ClockMode mode, long seed, CalibrationProfile profile, double wallDelayScale) {
        this.profile = profile;
        this.clock = mode == ClockMode.VIRTUAL ? new VirtualClock(seed) : new WallClock(seed, wallDelayScale);
        this.latency = new ProfileLatencyModel(clock, profile);
        this.faas = new FaasEmulator(clock, latency, events, FaasConfig.fromProfile(profile));
        this.workflows = new AslWorkflowEngine(faas, clock, latency, events);
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

    public FaasEmulator faas() {
        return faas;
    }

    public AslWorkflowEngine workflows() {
        return workflows;
    }

    public CalibrationProfile profile() {
        return profile;
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
