package dev.fameharness.runner.experiment;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.scenario.papers.sessions.SessionConfig;
import dev.fameharness.scenario.papers.sessions.WorkloadSizes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The session set an experiment runs: its named size ({@code quick}, {@code default}, {@code large}) with the
 * experiment's {@code workload:} overrides applied. Keys are those of the sizes file: {@value #KEYS_TEXT}.
 */
public final class WorkloadShape {

    /** Accepted override keys. */
    public static final List<String> KEYS = List.of("sessions", "meanTurnsPerSession", "arrivalRatePerMinute",
            "meanThinkTimeSeconds", "simultaneousProbability", "zipfExponent");
    static final String KEYS_TEXT = "sessions, meanTurnsPerSession, arrivalRatePerMinute, meanThinkTimeSeconds, "
            + "simultaneousProbability, zipfExponent";

    private WorkloadShape() {
    }

    /** The experiment's session set. */
    public static SessionConfig of(Experiment e) {
        return apply(base(e.size()), e.workload());
    }

    /** The named size without overrides. */
    public static SessionConfig base(String size) {
        return WorkloadSizes.named(size);
    }

    /** {@code config} with {@code overrides} applied; an unknown key or a bad value is a ConfigException. */
    public static SessionConfig apply(SessionConfig config, Map<String, Object> overrides) {
        int sessions = config.sessions();
        int turns = config.meanTurnsPerSession();
        double rate = config.arrivalRatePerMinute();
        Duration think = config.meanThinkTime();
        double simultaneous = config.simultaneousProbability();
        double zipf = config.zipfExponent();
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            double v = number(e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "sessions" -> sessions = whole(e.getKey(), v);
                case "meanTurnsPerSession" -> turns = whole(e.getKey(), v);
                case "arrivalRatePerMinute" -> rate = v;
                case "meanThinkTimeSeconds" -> think = Duration.ofMillis(Math.round(v * 1000));
                case "simultaneousProbability" -> simultaneous = v;
                case "zipfExponent" -> zipf = v;
                default -> throw new ConfigException("workload." + e.getKey() + " is not a workload shape key; accepted: "
                        + KEYS_TEXT);
            }
        }
        String name = overrides.isEmpty() ? config.name() : config.name() + " " + overrides;
        return new SessionConfig(name, sessions, turns, rate, think, simultaneous, zipf);
    }

    private static double number(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConfigException("workload." + key + " must be a number, was '" + value + "'");
    }

    private static int whole(String key, double v) {
        if (v != Math.rint(v) || v < 1 || v > 100_000) {
            throw new ConfigException("workload." + key + " must be a whole number in [1, 100000], was " + v);
        }
        return (int) v;
    }
}
