package dev.fameharness.platform.calibration;

import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link LatencyModel} that draws from a {@link CalibrationProfile} with <b>common random numbers</b>: every
 * draw has its own random stream, seeded from the run seed and the logical operation it times — the session and
 * turn of the current {@link dev.fameharness.api.time.Scope}, the operation id, the subject (tool and canonical arguments, store key,
 * role, function, state) and the ordinal of that same (session, turn, operation, subject) in the turn. So a draw
 * depends neither on how many draws other sessions made nor on how many other operations this architecture
 * made before it: the first {@code fetch_paper} of a turn takes the same time in every preset, and a run is a
 * pure function of its seed ({@link KeyedRandom}). Unknown ids fail with a ConfigException naming the id and the
 * profile file.
 */
public final class ProfileLatencyModel implements LatencyModel {

    private final CalibrationProfile profile;
    private final KeyedRandom draws;

    public ProfileLatencyModel(CalibrationProfile profile, long seed) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.draws = new KeyedRandom(seed);
    }

    public CalibrationProfile profile() {
        return profile;
    }

    @Override
    public Duration sample(String operation, long quantity) {
        return sample(operation, quantity, "");
    }

    @Override
    public Duration sample(String operation, long quantity, String subject) {
        CalibrationProfile.Entry entry = profile.entry(operation);
        return toDuration(sampleMs(entry, quantity, draws.next(operation, subject)));
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
