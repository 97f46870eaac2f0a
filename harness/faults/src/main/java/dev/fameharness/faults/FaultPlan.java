package dev.fameharness.faults;

import dev.fameharness.api.error.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which faults a run injects and how often: a probability in [0, 1] per {@link FaultKind} (absent kinds are 0), and
 * the parameters of the kinds that have one. Immutable and validated; parsed from the experiment file's
 * {@code faults:} section by {@link #fromMap}:
 *
 * <pre>
 * faults:
 *   all: 0.01                  # every kind at 1% unless named below
 *   store_throttle: 0.05
 *   tool_slow: 0.1
 *   tool_slow_extra: PT2S      # ISO-8601, (0, 15 min]
 *   llm_timeout_after: PT60S   # ISO-8601, (0, 15 min]
 *   function_crash_as: service # service (Lambda.ServiceException) | unhandled (Lambda.Unknown)
 * </pre>
 *
 * <p>A probability is a per-decision chance: every store request, invocation, cold start, tool call and model call
 * is one decision for the kinds that apply to it. A kind at 0 never draws a random number, so an empty plan leaves
 * a run byte-identical to a run without the fault decorators.
 *
 * @param probabilities   per-kind probability; every kind present (0 when not configured)
 * @param toolSlowExtra   latency added to a call hit by {@link FaultKind#TOOL_SLOW}
 * @param llmTimeoutAfter clock time a call hit by {@link FaultKind#LLM_TIMEOUT} waits before the client gives up
 * @param functionCrashAs how {@link FaultKind#FUNCTION_CRASH} surfaces (see {@link CrashMode})
 */
public record FaultPlan(Map<FaultKind, Double> probabilities, Duration toolSlowExtra, Duration llmTimeoutAfter,
                        CrashMode functionCrashAs) {

    /** Key that sets every kind's probability at once (specific kinds override it). */
    public static final String ALL = "all";
    public static final String TOOL_SLOW_EXTRA = "tool_slow_extra";
    public static final String LLM_TIMEOUT_AFTER = "llm_timeout_after";
    public static final String FUNCTION_CRASH_AS = "function_crash_as";

    /**
     * Default extra tool latency. An assumption with no public source: about the time of one more remote paper
     * download and parse, the work the paper tools' modeled latency stands for.
     */
    public static final Duration DEFAULT_TOOL_SLOW_EXTRA = Duration.ofSeconds(2);
    /** Default model-call timeout: the harness's OpenAI client timeout (fame-llm {@code LlmDefaults.OPENAI_TIMEOUT}). */
    public static final Duration DEFAULT_LLM_TIMEOUT_AFTER = Duration.ofSeconds(60);
    public static final CrashMode DEFAULT_CRASH_MODE = CrashMode.SERVICE;
    /** Upper bound of the duration parameters: Lambda's maximum function timeout. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(15);

    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(Map.of(), DEFAULT_TOOL_SLOW_EXTRA, DEFAULT_LLM_TIMEOUT_AFTER,
            DEFAULT_CRASH_MODE);

    public FaultPlan {
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(toolSlowExtra, "toolSlowExtra");
        Objects.requireNonNull(llmTimeoutAfter, "llmTimeoutAfter");
        Objects.requireNonNull(functionCrashAs, "functionCrashAs");
        EnumMap<FaultKind, Double> all = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            Double p = probabilities.get(k);
            all.put(k, requireProbability("faults." + k.label(), p == null ? 0.0 : p));
        }
        probabilities = Collections.unmodifiableMap(all);
        requireDuration("faults." + TOOL_SLOW_EXTRA, toolSlowExtra);
        requireDuration("faults." + LLM_TIMEOUT_AFTER, llmTimeoutAfter);
    }

    /** Every kind at probability {@code p} ("5% of every kind" is {@code uniform(0.05)}), default parameters. */
    public static FaultPlan uniform(double p) {
        requireProbability("faults." + ALL, p);
        EnumMap<FaultKind, Double> all = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            all.put(k, p);
        }
        return new FaultPlan(all, DEFAULT_TOOL_SLOW_EXTRA, DEFAULT_LLM_TIMEOUT_AFTER, DEFAULT_CRASH_MODE);
    }

    /** Only {@code kind} at probability {@code p}, default parameters. */
    public static FaultPlan only(FaultKind kind, double p) {
        return NONE.with(kind, p);
    }

    /**
     * Parses the experiment file's {@code faults:} section. Keys are fault kinds, {@value #ALL}, or parameters;
     * probabilities are numbers (or numeric text) in [0, 1]; durations ISO-8601 text. An empty map is
     * {@link #NONE}.
     *
     * @throws ConfigException naming the field ({@code faults.<key>}) and what it accepts
     */
    public static FaultPlan fromMap(Map<String, ?> faults) {
        Objects.requireNonNull(faults, "faults");
        EnumMap<FaultKind, Double> p = new EnumMap<>(FaultKind.class);
        Duration toolSlowExtra = DEFAULT_TOOL_SLOW_EXTRA;
        Duration llmTimeoutAfter = DEFAULT_LLM_TIMEOUT_AFTER;
        CrashMode crashMode = DEFAULT_CRASH_MODE;
        if (faults.containsKey(ALL)) {
            double all = probability("faults." + ALL, faults.get(ALL));
            for (FaultKind k : FaultKind.values()) {
                p.put(k, all);
            }
        }
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(faults).entrySet()) {
            String key = e.getKey();
            String field = "faults." + key;
            switch (key) {
                case ALL -> { }
                case TOOL_SLOW_EXTRA -> toolSlowExtra = duration(field, e.getValue());
                case LLM_TIMEOUT_AFTER -> llmTimeoutAfter = duration(field, e.getValue());
                case FUNCTION_CRASH_AS -> crashMode = CrashMode.of(field, text(field, e.getValue()));
                default -> p.put(kindOf(field, key), probability(field, e.getValue()));
            }
        }
        return new FaultPlan(p, toolSlowExtra, llmTimeoutAfter, crashMode);
    }

    /** The probability of {@code kind} (0 when not configured). */
    public double probability(FaultKind kind) {
        return probabilities.get(kind);
    }

    /** True when no kind can ever be injected. */
    public boolean isEmpty() {
        return probabilities.values().stream().allMatch(p -> p == 0.0);
    }

    /** A copy with {@code kind} at probability {@code p}. */
    public FaultPlan with(FaultKind kind, double p) {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(probabilities);
        copy.put(kind, requireProbability("faults." + kind.label(), p));
        return new FaultPlan(copy, toolSlowExtra, llmTimeoutAfter, functionCrashAs);
    }

    public FaultPlan withToolSlowExtra(Duration extra) {
        return new FaultPlan(probabilities, extra, llmTimeoutAfter, functionCrashAs);
    }

    public FaultPlan withLlmTimeoutAfter(Duration after) {
        return new FaultPlan(probabilities, toolSlowExtra, after, functionCrashAs);
    }

    public FaultPlan withFunctionCrashAs(CrashMode mode) {
        return new FaultPlan(probabilities, toolSlowExtra, llmTimeoutAfter, mode);
    }

    /**
     * The plan as an experiment-file section (non-zero kinds, then every parameter), for writing the effective
     * configuration next to the results; {@code fromMap(toMap())} equals this plan.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        probabilities.forEach((k, v) -> {
            if (v > 0) {
                m.put(k.label(), v);
            }
        });
        m.put(TOOL_SLOW_EXTRA, toolSlowExtra.toString());
        m.put(LLM_TIMEOUT_AFTER, llmTimeoutAfter.toString());
        m.put(FUNCTION_CRASH_AS, functionCrashAs.label());
        return Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------------------------------------

    private static FaultKind kindOf(String field, String key) {
        for (FaultKind k : FaultKind.values()) {
            if (k.label().equals(key)) {
                return k;
            }
        }
        throw new ConfigException(field + " is not a fault kind or parameter; accepted kinds: "
                + FaultKind.labels() + "; also '" + ALL + "' (every kind), and the parameters " + TOOL_SLOW_EXTRA
                + ", " + LLM_TIMEOUT_AFTER + ", " + FUNCTION_CRASH_AS);
    }

    private static double probability(String field, Object value) {
        double p;
        if (value instanceof Number n) {
            p = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                p = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(field + " must be a probability in [0, 1] (e.g. 0.05), was '" + s + "'");
            }
        } else {
            throw new ConfigException(field + " must be a probability in [0, 1] (e.g. 0.05), was " + value);
        }
        return requireProbability(field, p);
    }

    private static double requireProbability(String field, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new ConfigException(field + " must be a probability in [0, 1] (e.g. 0.05), was " + p);
        }
        return p;
    }

    private static Duration duration(String field, Object value) {
        String s = text(field, value);
        Duration d;
        try {
            d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigException(field + " must be an ISO-8601 duration in (PT0S, PT15M] (e.g. PT2S), was '"
                    + s + "'");
        }
        return requireDuration(field, d);
    }

    private static Duration requireDuration(String field, Duration d) {
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new ConfigException(field + " must be an ISO-8601 duration in (PT0S, PT15M] (e.g. PT2S), was " + d);
        }
        return d;
    }

    private static String text(String field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new ConfigException(field + " must be text, was " + value);
    }
}
