package dev.fameharness.scenario.papers.sessions;

import dev.fameharness.api.error.ConfigException;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of a generated workload. Named sizes ({@code quick}, {@code default}, {@code large}) come from
 * {@code workload-sizes.json} through {@link WorkloadSizes}; build one directly for sweeps.
 *
 * @param name                    the size's name, used in error messages
 * @param sessions                number of user sessions, > 0
 * @param meanTurnsPerSession     a session has this many turns, plus or minus one (at least 1), > 0
 * @param arrivalRatePerMinute    Poisson rate of session starts in virtual time, > 0
 * @param meanThinkTime           mean of the exponential gap between a session's turns, > 0
 * @param simultaneousProbability chance a turn arrives together with the previous turn of its session, in [0, 1]
 * @param zipfExponent            popularity skew over papers (rank r has weight r^-s), >= 0; 0 is uniform
 */
public record SessionConfig(String name, int sessions, int meanTurnsPerSession, double arrivalRatePerMinute,
                            Duration meanThinkTime, double simultaneousProbability, double zipfExponent) {

    public SessionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meanThinkTime, "meanThinkTime");
        positive(name, "sessions", sessions);
        positive(name, "meanTurnsPerSession", meanTurnsPerSession);
        positive(name, "arrivalRatePerMinute", arrivalRatePerMinute);
        positive(name, "meanThinkTimeSeconds", meanThinkTime.toNanos() / 1e9);
        if (!(simultaneousProbability >= 0 && simultaneousProbability <= 1)) {
            throw new ConfigException("workload size '" + name + "': simultaneousProbability must be in [0, 1], was "
                    + simultaneousProbability);
        }
        if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
            throw new ConfigException("workload size '" + name + "': zipfExponent must be in [0, 10] (0 = uniform, "
                    + "about 1 is typical), was " + zipfExponent);
        }
    }

    private static void positive(String name, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException("workload size '" + name + "': " + field + " must be a positive number, was "
                    + value);
        }
    }
}
