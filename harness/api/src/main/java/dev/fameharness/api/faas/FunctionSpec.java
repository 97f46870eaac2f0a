package dev.fameharness.api.faas;

import java.time.Duration;
import java.util.Objects;

/**
 * A deployed function's configuration, as on AWS Lambda: memory 128-10,240 MB, timeout up to 900 s,
 * a runtime id used to look up its cold-start latency in the calibration profile (for example
 * {@code java21}, {@code python3.12}).
 */
public record FunctionSpec(String name, int memoryMb, Duration timeout, String runtime) {

    public static final int MIN_MEMORY_MB = 128;
    public static final int MAX_MEMORY_MB = 10_240;
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(runtime, "runtime");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("function name must be 1-64 of [A-Za-z0-9_-], was '" + name + "'");
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memoryMb of " + name + " must be 128-10240, was " + memoryMb);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout of " + name + " must be in (0, 900 s], was " + timeout);
        }
    }
}
