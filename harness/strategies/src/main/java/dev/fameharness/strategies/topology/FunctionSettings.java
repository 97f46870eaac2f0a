package dev.fameharness.strategies.topology;

import java.time.Duration;

/**
 * How the agent's functions are configured: memory size (which also sets the CPU share on Lambda),
 * timeout, runtime id (for the cold-start latency in the calibration profile).
 */
public record FunctionSettings(int memoryMb, Duration roleTimeout, String runtime) {

    /** Lambda's maximum timeout, used for the fused and monolithic functions. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    public static final FunctionSettings DEFAULT = new FunctionSettings(1024, Duration.ofSeconds(300), "java21");
}
