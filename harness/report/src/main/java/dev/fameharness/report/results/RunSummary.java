package dev.fameharness.report.results;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.Cost;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.RunStorage;
import dev.fameharness.report.stats.Bootstrap;
import dev.fameharness.report.stats.Distribution;
import dev.fameharness.report.stats.Percentiles;
import dev.fameharness.report.stats.RankTest;
import dev.fameharness.report.stats.RankTests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A run's figures as one immutable value: one {@link PresetSummary} per preset (in the order the presets first
 * appear in the turns), the paired {@link Comparison}s asked for, server start times, and where the prices and
 * the bootstrap settings came from. Computed by {@link #compute}; the writers only format it.
 */
public record RunSummary(String runId, String priceFile, String priceRegion, LocalDate pricesCollected,
                         int bootstrapResamples, double confidence, long bootstrapSeed,
                         List<PresetSummary> presets, List<Comparison> comparisons,
                         SortedMap<String, Double> serverStartMillis) {

    /** Role keys of {@link PresetSummary#tokensByRole()}. */
    public static final List<String> ROLES = List.of("planner", "actor", "evaluator", "all");

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(priceFile, "priceFile");
        Objects.requireNonNull(priceRegion, "priceRegion");
        Objects.requireNonNull(pricesCollected, "pricesCollected");
        presets = List.copyOf(presets);
        comparisons = List.copyOf(comparisons);
        serverStartMillis = Collections.unmodifiableSortedMap(new TreeMap<>(serverStartMillis));
    }

    /** The summary of {@code preset}. */
    public Optional<PresetSummary> preset(String preset) {
        return presets.stream().filter(p -> p.preset().equals(preset)).findFirst();
    }

    /**
     * Summarises {@code turns} (any number of presets and seeds) and computes the paired comparisons in
     * {@code pairs} with {@code bootstrap}. A pair naming a preset without turns is an error.
     */
    public static RunSummary compute(String runId, List<TurnRecord> turns, CostModel costs, RunExtras extras,
                                     List<PresetPair> pairs, Bootstrap bootstrap) {
        Map<String, List<TurnRecord>> byPreset = byPreset(turns);
        List<PresetSummary> presets = new ArrayList<>();
        for (Map.Entry<String, List<TurnRecord>> e : byPreset.entrySet()) {
            presets.add(summarise(e.getKey(), e.getValue(), costs, extras.storage(e.getKey())));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (PresetPair pair : pairs) {
            List<TurnRecord> a = byPreset.get(pair.candidate());
            List<TurnRecord> b = byPreset.get(pair.baseline());
            if (a == null || b == null) {
                throw new IllegalArgumentException("comparison " + pair + ": preset without turns (have "
                        + byPreset.keySet() + ")");
            }
            comparisons.add(compare(pair, PairedTurns.match(a, b), costs, bootstrap));
        }
        return new RunSummary(runId, costs.prices().file(), costs.prices().region(), costs.prices().collected(),
                bootstrap.resamples(), bootstrap.confidence(), bootstrap.seed(), presets, comparisons,
                extras.serverStartMillis());
    }

    static Map<String, List<TurnRecord>> byPreset(List<TurnRecord> turns) {
        Map<String, List<TurnRecord>> out = new LinkedHashMap<>();
        for (TurnRecord t : turns) {
            out.computeIfAbsent(t.preset(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    static PresetSummary summarise(String preset, List<TurnRecord> turns, CostModel costs, RunStorage storage) {
        int n = turns.size();
        List<TurnRecord> done = turns.stream().filter(TurnRecord::completed).toList();
        TreeMap<String, Long> failures = new TreeMap<>();
        for (TurnRecord t : turns) {
            if (!t.completed()) {
                failures.merge(t.failureReason().isEmpty() ? "unknown" : t.failureReason(), 1L, Long::sum);
            }
        }
        double[] latencyMs = done.stream().mapToDouble(t -> t.latencyMicros() / 1000.0).toArray();
        TreeMap<String, TokenStats> tokens = new TreeMap<>();
        tokens.put("planner", tokens(turns, TurnRecord::plannerInputTokens, TurnRecord::plannerOutputTokens));
        tokens.put("actor", tokens(turns, TurnRecord::actorInputTokens, TurnRecord::actorOutputTokens));
        tokens.put("evaluator", tokens(turns, TurnRecord::evaluatorInputTokens, TurnRecord::evaluatorOutputTokens));
        tokens.put("all", tokens(turns, TurnRecord::inputTokens, TurnRecord::outputTokens));
        long cacheHits = 0;
        long coldStarts = 0;
        long toolCalls = 0;
        for (TurnRecord t : turns) {
            cacheHits += t.cacheHits();
            coldStarts += t.coldStarts();
            toolCalls += t.toolCalls();
        }
        return new PresetSummary(preset, n, done.size(), n == 0 ? 0 : (double) done.size() / n, failures,
                Distribution.of(latencyMs), tokens, rouge(done), rouge(turns), costs.total(turns),
                costs.storageCost(storage), cacheHits, coldStarts, toolCalls, storage.redisPeakBytes());
    }

    private static TokenStats tokens(List<TurnRecord> turns, java.util.function.ToLongFunction<TurnRecord> in,
                                     java.util.function.ToLongFunction<TurnRecord> out) {
        long i = 0;
        long o = 0;
        for (TurnRecord t : turns) {
            i += in.applyAsLong(t);
            o += out.applyAsLong(t);
        }
        int n = turns.size();
        return new TokenStats(i, o, n == 0 ? 0 : (double) i / n, n == 0 ? 0 : (double) o / n);
    }

    private static RougeMeans rouge(List<TurnRecord> turns) {
        if (turns.isEmpty()) {
            return RougeMeans.NONE;
        }
        return new RougeMeans(mean(turns, TurnRecord::rouge1), mean(turns, TurnRecord::rouge2),
                mean(turns, TurnRecord::rougeL));
    }

    private static double mean(List<TurnRecord> turns, ToDoubleFunction<TurnRecord> f) {
        return Percentiles.mean(turns.stream().mapToDouble(f).toArray());
    }

    static Comparison compare(PresetPair pair, PairedTurns paired, CostModel costs, Bootstrap bootstrap) {
        PairedTurns done = paired.bothCompleted();
        double[] la = done.candidate().stream().mapToDouble(TurnRecord::latencyMicros).toArray();
        double[] lb = done.baseline().stream().mapToDouble(TurnRecord::latencyMicros).toArray();
        double[] ta = paired.candidate().stream().mapToDouble(TurnRecord::inputTokens).toArray();
        double[] tb = paired.baseline().stream().mapToDouble(TurnRecord::inputTokens).toArray();
        double[] ca = paired.candidate().stream().map(costs::turnCost).mapToDouble(Cost::total).toArray();
        double[] cb = paired.baseline().stream().map(costs::turnCost).mapToDouble(Cost::total).toArray();
        return new Comparison(pair.candidate(), pair.baseline(), paired.size(), done.size(),
                la.length == 0 || Percentiles.median(lb) == 0 ? Optional.empty()
                        : Optional.of(bootstrap.ratioOfMedians(la, lb)),
                test(la, lb),
                ta.length == 0 || Percentiles.sum(tb) == 0 ? Optional.empty()
                        : Optional.of(bootstrap.ratioOfSums(ta, tb)),
                test(ta, tb),
                ca.length == 0 || Percentiles.sum(cb) == 0 ? Optional.empty()
                        : Optional.of(bootstrap.ratioOfSums(ca, cb)),
                test(ca, cb));
    }

    private static Optional<RankTest> test(double[] a, double[] b) {
        return a.length == 0 ? Optional.empty() : Optional.of(RankTests.wilcoxonSignedRank(a, b));
    }

}
