package dev.fameharness.platform.calibration;

import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link LatencyModel} that draws from a {@link CalibrationProfile}, using the calling process's
 * {@link Clock#random()} stream: in virtual mode the draws, and so the whole run, are a pure function of
 * the seed. Unknown ids fail with a ConfigException naming the id and the profile file.
 */
public final class ProfileLatencyModel implements LatencyModel {

    private final Clock clock;
    private final CalibrationProfile profile;

    public ProfileLatencyModel(Clock clock, CalibrationProfile profile) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public CalibrationProfile profile() {
        return profile;
    }

    @Override
    public Duration sample(String operation, long quantity) {
        CalibrationProfile.Entry entry = profile.entry(operation);
        return toDuration(sampleMs(entry, quantity, clock.random()));
    }

    @Override
    public boolean has(String operation) {
        return profile.entries().containsKey(operation);
    }

    /** One draw of {@code entry} in milliseconds: base (or table row) + linear term + transfer term. */
    public static double sampleMs(CalibrationProfile.Entry entry, long quantity, RandomGenerator random) {
        long q = Math.max(0, quantity);
        double ms = entry.baseFor(q).sampleMs(random);
        if (entry.perUnitMs() > 0) {
            ms += q * entry.perUnitMs();
        }
        if (entry.throughputBytesPerS() > 0) {
            ms += q * 1000.0 / entry.throughputBytesPerS();
        }
        return ms;
    }

    /** Milliseconds to a Duration, rounded to the nearest nanosecond. */
    static Duration toDuration(double ms) {
        return Duration.ofNanos(Math.round(ms * 1_000_000.0));
    }
}
