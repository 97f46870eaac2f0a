package dev.fameharness.runner.sensitivity;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.claims.ClaimComparison;
import dev.fameharness.report.claims.ClaimStatistics;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.stats.ClusterBootstrap;
import dev.fameharness.report.stats.Estimate;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.engine.Servers;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.scenario.spi.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reruns the base experiment's paired comparison once per level: the base (every assumption at its profile,
 * settings or workload value), each parameter at each of its values with the others at base (one at a time),
 * and, when the plan asks, the two most influential parameters together at the four corners of their ranges.
 * Every level is a full run (real data plane, modeled time), so a parameter may change what is stored or counted
 * (cache hits depend on when concurrent sessions finish, cold starts on instance reuse); {@link Result#countsUnchanged}
 * shows for each parameter whether it did.
 */
public final class SensitivityRunner {

    /** Resamples of each level's session-level interval (fewer than a report run: levels are many). */
    static final int RESAMPLES = 1_000;

    /** What a sensitivity run produced. */
    public record Result(SensitivityPlan plan, Experiment experiment, Map<String, Double> baseValues, Level base,
                         Map<String, List<Level>> byParameter, List<String> interactionPair,
                         List<Level> interaction, long wallMillis) {

        /** True when every level of {@code parameter} counted exactly what the base level counted. */
        public boolean countsUnchanged(String parameter) {
            return byParameter.get(parameter).stream().allMatch(l -> l.counts().equals(base.counts()));
        }

        /** The levels of {@code parameter}, its base value included, by value. */
        public TreeMap<Double, Level> curve(String parameter) {
            TreeMap<Double, Level> out = new TreeMap<>();
            for (Level l : byParameter.get(parameter)) {
                out.put(l.assignment().get(parameter), l);
            }
            Double b = baseValues.get(parameter);
            if (b != null && !Double.isNaN(b)) {
                out.putIfAbsent(b, base);
            }
            return out;
        }

        /** Largest minus smallest claim value over the parameter's levels (base included). */
        public double swing(String parameter, Claim claim) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Level l : curve(parameter).values()) {
                Estimate e = l.claims().get(claim);
                if (e != null) {
                    min = Math.min(min, e.value());
                    max = Math.max(max, e.value());
                }
            }
            return max >= min ? max - min : 0;
        }
    }

    private SensitivityRunner() {
    }

    /**
     * One run of a plan and what all its levels share: one set of servers (each level stores in the namespace of its
     * own run id, so no level sees another's state; Redis stores get a server each) and one opened scenario per
     * distinct settings (its corpus is parsed once, not once a level). Levels differ only in what their assignment
     * changes.
     */
    private static final class Sweep implements AutoCloseable {
        private final SensitivityPlan plan;
        private final Experiment experiment;
        private final CalibrationProfile profile;
        private final int parallel;
        private final int total;
        private final Consumer<String> progress;
        private final Servers servers;
        private final Map<Map<String, Object>, Scenario> scenarios = new LinkedHashMap<>();

        Sweep(SensitivityPlan plan, Experiment experiment, CalibrationProfile profile, int parallel, int total,
              Consumer<String> progress) {
            this.plan = plan;
            this.experiment = experiment;
            this.profile = profile;
            this.parallel = parallel;
            this.total = total;
            this.progress = progress;
            this.servers = new Servers(experiment.endpoints());
        }

        private synchronized Scenario scenario(Experiment e) {
            return scenarios.computeIfAbsent(Map.copyOf(e.settings()), k -> ExperimentRunner.openScenario(e));
        }

        /** Runs one level per assignment, {@code parallel} at a time; levels are returned in assignment order. */
        List<Level> runAll(List<Map<String, Double>> assignments, int offset) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, assignments.size()));
            try {
                List<Future<Level>> futures = new ArrayList<>();
                for (int i = 0; i < assignments.size(); i++) {
                    Map<String, Double> a = assignments.get(i);
                    int n = offset + i + 1;
                    futures.add(pool.submit(() -> level(label(a), a, n)));
                }
                List<Level> out = new ArrayList<>();
                for (Future<Level> f : futures) {
                    try {
                        out.add(f.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a sensitivity level", e);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException re) {
                            throw re;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
                return out;
            } finally {
                pool.shutdownNow();
            }
        }

        private Level level(String label, Map<String, Double> assignment, int n) {
            long t0 = System.nanoTime();
            CalibrationProfile prof = profile;
            Map<String, Object> settings = new LinkedHashMap<>(experiment.settings());
            Map<String, Object> workload = new LinkedHashMap<>(experiment.workload());
            for (Map.Entry<String, Double> e : assignment.entrySet()) {
                Parameter p = parameter(plan, e.getKey());
                for (String target : p.targets()) {
                    switch (p.kind()) {
                        case PROFILE -> prof = ProfileOverride.apply(prof, target, p.field(), e.getValue());
                        case SETTINGS -> settings.put(target, number(e.getValue()));
                        case WORKLOAD -> workload.put(target, number(e.getValue()));
                        default -> throw new IllegalStateException("unknown kind " + p.kind());
                    }
                }
            }
            Experiment e = experiment.withOverrides(settings, workload);
            List<TurnRecord> turns = ExperimentRunner.runTurns(e, prof, plan.name() + "l" + n, scenario(e), servers,
                    false, m -> progress.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s", n, total, label, m)));
            ClaimComparison c = ClaimStatistics.compute(turns, CostModel.withDefaultPrices(),
                    List.of(new PresetPair(plan.candidate(), experiment.baseline())),
                    new ClusterBootstrap(RESAMPLES, 0.95, experiment.seeds().get(0))).comparisons().get(0);
            Map<Claim, Estimate> claims = new LinkedHashMap<>();
            for (Claim claim : Claim.values()) {
                claim.of(c).ifPresent(est -> claims.put(claim, est));
            }
            return new Level(label, assignment, claims, counts(turns), (System.nanoTime() - t0) / 1_000_000);
        }

        @Override
        public synchronized void close() {
            try {
                scenarios.values().forEach(Scenario::close);
            } finally {
                servers.close();
            }
        }
    }

    /** One level at a time. */
    public static Result run(SensitivityPlan plan, Experiment experiment, CalibrationProfile profile,
                             Consumer<String> progress) {
        return run(plan, experiment, profile, 1, progress);
    }

    /**
     * Runs the plan with up to {@code parallel} levels at once, on shared servers and scenarios (see {@link Sweep});
     * results do not depend on {@code parallel}.
     */
    public static Result run(SensitivityPlan plan, Experiment experiment, CalibrationProfile profile, int parallel,
                             Consumer<String> progress) {
        long t0 = System.nanoTime();
        if (parallel < 1) {
            throw new ConfigException("--parallel must be >= 1, was " + parallel);
        }
        if (experiment.presets().stream().noneMatch(p -> p.name().equals(plan.candidate()))) {
            throw new ConfigException("sensitivity plan " + plan.name() + ": candidate '" + plan.candidate()
                    + "' is not a preset of " + experiment.source());
        }
        if (plan.candidate().equals(experiment.baseline())) {
            throw new ConfigException("sensitivity plan " + plan.name() + ": the candidate is the baseline");
        }
        Map<String, Double> baseValues = new LinkedHashMap<>();
        for (Parameter p : plan.parameters()) {
            baseValues.put(p.name(), baseValue(p, experiment, profile));
        }
        // one at a time: the base level and every value that differs from its parameter's base value
        List<Map<String, Double>> assignments = new ArrayList<>();
        assignments.add(Map.of());
        for (Parameter p : plan.parameters()) {
            for (double v : p.values()) {
                if (v != baseValues.get(p.name())) {
                    assignments.add(Map.of(p.name(), v));
                }
            }
        }
        boolean withInteraction = plan.interaction() && plan.parameters().size() >= 2;
        int total = assignments.size() + (withInteraction ? 4 : 0);
        try (Sweep sweep = new Sweep(plan, experiment, profile, parallel, total, progress)) {
            List<Level> first = sweep.runAll(assignments, 0);
            Level base = first.get(0);
            Map<String, List<Level>> byParameter = new LinkedHashMap<>();
            int next = 1;
            for (Parameter p : plan.parameters()) {
                List<Level> levels = new ArrayList<>();
                for (double v : p.values()) {
                    if (v == baseValues.get(p.name())) {
                        levels.add(new Level(p.name() + "=" + fmt(v), Map.of(p.name(), v), base.claims(),
                                base.counts(), 0));
                    } else {
                        levels.add(first.get(next++));
                    }
                }
                byParameter.put(p.name(), levels);
            }
            Result partial = new Result(plan, experiment, baseValues, base, byParameter, List.of(), List.of(), 0);
            List<String> pair = new ArrayList<>();
            List<Level> interaction = new ArrayList<>();
            if (withInteraction) {
                List<String> ranked = new ArrayList<>(byParameter.keySet());
                ranked.sort(Comparator.comparingDouble((String p) -> -influence(partial, p))
                        .thenComparing(p -> p));
                pair.addAll(ranked.subList(0, 2));
                List<Map<String, Double>> corners = new ArrayList<>();
                for (double va : extremes(parameter(plan, pair.get(0)))) {
                    for (double vb : extremes(parameter(plan, pair.get(1)))) {
                        Map<String, Double> assign = new LinkedHashMap<>();
                        assign.put(pair.get(0), va);
                        assign.put(pair.get(1), vb);
                        corners.add(assign);
                    }
                }
                interaction.addAll(sweep.runAll(corners, assignments.size()));
            }
            return new Result(plan, experiment, baseValues, base, byParameter, pair, interaction,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static String label(Map<String, Double> assignment) {
        if (assignment.isEmpty()) {
            return "base";
        }
        List<String> parts = new ArrayList<>();
        assignment.forEach((k, v) -> parts.add(k + "=" + fmt(v)));
        return String.join(", ", parts);
    }

    /** Relative swing: the largest over the claims of swing / |base value|. */
    static double influence(Result r, String parameter) {
        double best = 0;
        for (Claim c : Claim.values()) {
            Estimate b = r.base().claims().get(c);
            if (b != null && b.value() != 0) {
                best = Math.max(best, r.swing(parameter, c) / Math.abs(b.value()));
            }
        }
        return best;
    }

    /** Per preset: what was counted (tokens, calls, operations, bytes, hits, cold starts), summed over turns. */
    static TreeMap<String, Double> counts(List<TurnRecord> turns) {
        TreeMap<String, Double> out = new TreeMap<>();
        for (TurnRecord t : turns) {
            String p = t.preset() + "/";
            out.merge(p + "input_tokens", (double) t.inputTokens(), Double::sum);
            out.merge(p + "output_tokens", (double) t.outputTokens(), Double::sum);
            out.merge(p + "llm_calls", (double) t.llmCalls(), Double::sum);
            out.merge(p + "invocations", (double) t.invocations(), Double::sum);
            out.merge(p + "cold_starts", (double) t.coldStarts(), Double::sum);
            out.merge(p + "transitions", (double) t.transitions(), Double::sum);
            out.merge(p + "store_ops", (double) t.storeOps(), Double::sum);
            out.merge(p + "tool_calls", (double) t.toolCalls(), Double::sum);
            out.merge(p + "cache_hits", (double) t.cacheHits(), Double::sum);
            out.merge(p + "completed", t.completed() ? 1.0 : 0.0, Double::sum);
            for (String u : List.of("s3.bytes_in", "s3.bytes_out", "dynamodb.rru", "dynamodb.wru", "redis.bytes",
                    "s3.tier1", "s3.tier2")) {
                out.merge(p + u, t.unit(u), Double::sum);
            }
        }
        return out;
    }

    private static double baseValue(Parameter p, Experiment e, CalibrationProfile profile) {
        String t = p.targets().get(0);
        return switch (p.kind()) {
            case PROFILE -> ProfileOverride.current(profile, t, p.field());
            case WORKLOAD -> {
                Object v = e.workload().containsKey(t) ? e.workload().get(t)
                        : dev.fameharness.scenario.spi.Scenarios.discover().get(e.scenario()).shape(e.size()).get(t);
                if (!(v instanceof Number n)) {
                    throw new ConfigException("'" + t + "' is not a workload shape key of scenario " + e.scenario());
                }
                yield n.doubleValue();
            }
            case SETTINGS -> {
                Object v = e.settings().containsKey(t) ? e.settings().get(t)
                        : dev.fameharness.scenario.spi.Scenarios.discover().get(e.scenario()).defaultSettings().get(t);
                yield v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        };
    }

    private static Parameter parameter(SensitivityPlan plan, String name) {
        Optional<Parameter> p = plan.parameters().stream().filter(x -> x.name().equals(name)).findFirst();
        return p.orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
    }

    private static double[] extremes(Parameter p) {
        double min = p.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = p.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new double[] {min, max};
    }

    /** A whole value as a long (workload counts, integer settings), else the double. */
    private static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
