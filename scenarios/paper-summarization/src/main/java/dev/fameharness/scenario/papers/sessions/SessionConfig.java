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
 * @param meanTurnsPerSession     mean turns of a session (1 + geometric, capped at 4x the mean), > 0
 * @param arrivalRatePerMinute    Poisson rate of session starts in virtual time, > 0
 * @param meanThinkTime           mean of the exponential gap between a session's turns, > 0
 * @param simultaneousProbability chance a turn arrives together with the previous turn of its session, in [0, 1]
 * @param zipfExponent            popularity skew over papers (rank r has weight r^-s), >= 0; 0 is uniform
 * @param followUpShare           share of the turns after the first that are follow-ups on earlier turns, in [0, 1]
 * @param implicitShare           share of those follow-ups that name nothing and refer to earlier turns only
 *                                implicitly ("What methods did they use?"), in [0, 1]
 */
public record SessionConfig(String name, int sessions, int meanTurnsPerSession, double arrivalRatePerMinute,
                            Duration meanThinkTime, double simultaneousProbability, double zipfExponent,
                            double followUpShare, double implicitShare) {

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
        share(name, "followUpShare", followUpShare);
        share(name, "implicitShare", implicitShare);
        if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
            throw new ConfigException("workload size '" + name + "': zipfExponent must be in [0, 10] (0 = uniform, "
                    + "about 1 is typical), was " + zipfExponent);
        }
    }

    private static void share(String name, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigException("workload size '" + name + "': " + field + " must be in [0, 1], was " + value);
        }
    }

    /** The shape's parameters by their names in workload-sizes.json. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("sessions", sessions);
        v.put("meanTurnsPerSession", meanTurnsPerSession);
        v.put("arrivalRatePerMinute", arrivalRatePerMinute);
        v.put("meanThinkTimeSeconds", meanThinkTime.toMillis() / 1000.0);
        v.put("simultaneousProbability", simultaneousProbability);
        v.put("zipfExponent", zipfExponent);
        v.put("followUpShare", followUpShare);
        v.put("implicitShare", implicitShare);
        return v;
    }

    /** This shape with some parameters replaced (sweeps, sensitivity); keys as in workload-sizes.json. */
    public SessionConfig with(java.util.Map<String, Object> overrides) {
        java.util.Map<String, Double> v = new java.util.LinkedHashMap<>();
        v.put("sessions", (double) sessions);
        v.put("meanTurnsPerSession", (double) meanTurnsPerSession);
        v.put("arrivalRatePerMinute", arrivalRatePerMinute);
        v.put("meanThinkTimeSeconds", meanThinkTime.toMillis() / 1000.0);
        v.put("simultaneousProbability", simultaneousProbability);
        v.put("zipfExponent", zipfExponent);
        v.put("followUpShare", followUpShare);
        v.put("implicitShare", implicitShare);
        for (java.util.Map.Entry<String, Object> o : overrides.entrySet()) {
            if (!v.containsKey(o.getKey())) {
                throw new ConfigException("unknown workload parameter '" + o.getKey() + "'; known: " + v.keySet());
            }
            try {
                v.put(o.getKey(), Double.valueOf(String.valueOf(o.getValue())));
            } catch (NumberFormatException e) {
                throw new ConfigException("workload parameter '" + o.getKey() + "' must be a number, was '"
                        + o.getValue() + "'");
            }
        }
        return new SessionConfig(name, (int) Math.round(v.get("sessions")),
                (int) Math.round(v.get("meanTurnsPerSession")), v.get("arrivalRatePerMinute"),
                Duration.ofMillis(Math.round(v.get("meanThinkTimeSeconds") * 1000)), v.get("simultaneousProbability"),
                v.get("zipfExponent"), v.get("followUpShare"), v.get("implicitShare"));
    }

    private static void positive(String name, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException("workload size '" + name + "': " + field + " must be a positive number, was "
                    + value);
        }
    }
}
