package dev.fameharness.report.claims;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.PairedTurns;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.stats.ClusterBootstrap;
import dev.fameharness.report.stats.ClusterBootstrap.PairStatistic;
import dev.fameharness.report.stats.Estimate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The statistics each paper claim is compared with, for every compared pair of presets: per metric the point
 * value with a turn-level and a session-level (cluster) bootstrap interval, for ratios also the distribution of
 * per-turn ratios and the ratio per task kind. Pairs are the turns both presets ran (same seed, same turn id);
 * a cluster is one session of one seed. Written as {@code claims.json} by {@link ClaimsJsonWriter}.
 *
 * @param resamples  bootstrap resamples per interval
 * @param confidence two-sided level of every interval
 * @param seed       the bootstrap generator's seed
 */
public record ClaimStatistics(int resamples, double confidence, long seed, List<ClaimComparison> comparisons) {

    /** Metric names, in the order they are computed and written. */
    public static final List<String> METRICS = List.of("latency_median_ratio", "user_latency_median_ratio",
            "input_tokens_ratio", "cost_ratio", "completion_difference", "rouge_l_difference", "correct_difference");

    public ClaimStatistics {
        comparisons = List.copyOf(comparisons);
    }

    /** The comparison of {@code candidate} with {@code baseline}, if it was computed. */
    public Optional<ClaimComparison> comparison(String candidate, String baseline) {
        return comparisons.stream().filter(c -> c.candidate().equals(candidate) && c.baseline().equals(baseline))
                .findFirst();
    }

    /** Computes every metric for every pair; a pair naming a preset without turns is an error. */
    public static ClaimStatistics compute(List<TurnRecord> turns, CostModel costs, List<PresetPair> pairs,
                                          ClusterBootstrap bootstrap) {
        Map<String, List<TurnRecord>> byPreset = new LinkedHashMap<>();
        for (TurnRecord t : turns) {
            byPreset.computeIfAbsent(t.preset(), k -> new ArrayList<>()).add(t);
        }
        Map<TurnRecord, Double> cost = new IdentityHashMap<>();
        for (TurnRecord t : turns) {
            cost.put(t, costs.turnCost(t).total());
        }
        List<ClaimComparison> out = new ArrayList<>();
        for (PresetPair pair : pairs) {
            List<TurnRecord> a = byPreset.get(pair.candidate());
            List<TurnRecord> b = byPreset.get(pair.baseline());
            if (a == null || b == null) {
                throw new IllegalArgumentException("comparison " + pair + ": preset without turns (have "
                        + byPreset.keySet() + ")");
            }
            out.add(compare(pair, PairedTurns.match(a, b), cost::get, bootstrap));
        }
        return new ClaimStatistics(bootstrap.resamples(), bootstrap.confidence(), bootstrap.seed(), out);
    }

    static ClaimComparison compare(PresetPair pair, PairedTurns paired, ToDoubleFunction<TurnRecord> cost,
                                   ClusterBootstrap boot) {
        Predicate<Integer> all = i -> true;
        Predicate<Integer> bothCompleted = i -> paired.candidate().get(i).completed()
                && paired.baseline().get(i).completed();
        Predicate<Integer> bothScored = i -> paired.candidate().get(i).correct() != TurnRecord.NOT_SCORED
                && paired.baseline().get(i).correct() != TurnRecord.NOT_SCORED;
        Metrics m = new Metrics(paired, boot);
        List<PairedMetric> metrics = new ArrayList<>();
        m.ratio("latency_median_ratio", "median service latency (turn start to answer) over pairs where both "
                + "completed", bothCompleted, TurnRecord::latencyMicros, ClusterBootstrap.RATIO_OF_MEDIANS)
                .ifPresent(metrics::add);
        m.ratio("user_latency_median_ratio", "median user-perceived latency (arrival to answer, queueing included) "
                + "over pairs where both completed", bothCompleted, TurnRecord::userLatencyMicros,
                ClusterBootstrap.RATIO_OF_MEDIANS).ifPresent(metrics::add);
        m.ratio("input_tokens_ratio", "total LLM input tokens over all pairs", all, TurnRecord::inputTokens,
                ClusterBootstrap.RATIO_OF_SUMS).ifPresent(metrics::add);
        m.ratio("cost_ratio", "total usage cost over all pairs", all, cost, ClusterBootstrap.RATIO_OF_SUMS)
                .ifPresent(metrics::add);
        m.difference("completion_difference", "completion rate difference (completed = 1) over all pairs", all,
                t -> t.completed() ? 1 : 0).ifPresent(metrics::add);
        m.difference("rouge_l_difference", "mean ROUGE-L F1 difference over pairs where both completed",
                bothCompleted, TurnRecord::rougeL).ifPresent(metrics::add);
        m.difference("correct_difference", "share of correct answers, difference over pairs where both were scored",
                bothScored, t -> t.correct() == TurnRecord.CORRECT ? 1 : 0).ifPresent(metrics::add);
        return new ClaimComparison(pair.candidate(), pair.baseline(), paired.size(), m.sessions(), metrics);
    }

    /** The pairs of one comparison with their cluster numbers; builds metrics over subsets of them. */
    private static final class Metrics {
        private final PairedTurns paired;
        private final ClusterBootstrap boot;
        private final int[] clusterOf;

        Metrics(PairedTurns paired, ClusterBootstrap boot) {
            this.paired = paired;
            this.boot = boot;
            Map<String, Integer> ids = new TreeMap<>();
            for (TurnRecord t : paired.candidate()) {
                ids.putIfAbsent(cluster(t), 0);
            }
            int k = 0;
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                e.setValue(k++);
            }
            clusterOf = new int[paired.size()];
            for (int i = 0; i < paired.size(); i++) {
                clusterOf[i] = ids.get(cluster(paired.candidate().get(i)));
            }
        }

        private static String cluster(TurnRecord t) {
            return String.format(java.util.Locale.ROOT, "%020d", t.seed()) + "\u0000"
                    + Objects.requireNonNullElse(t.sessionId(), t.turnId());
        }

        int sessions() {
            return java.util.Arrays.stream(clusterOf).max().orElse(-1) + 1;
        }

        private List<Integer> indices(Predicate<Integer> keep) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < paired.size(); i++) {
                if (keep.test(i)) {
                    out.add(i);
                }
            }
            return out;
        }

        private ClusterBootstrap.Sample sample(List<Integer> idx, ToDoubleFunction<TurnRecord> f) {
            double[] a = new double[idx.size()];
            double[] b = new double[idx.size()];
            int[] c = new int[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                int i = idx.get(j);
                a[j] = f.applyAsDouble(paired.candidate().get(i));
                b[j] = f.applyAsDouble(paired.baseline().get(i));
                c[j] = clusterOf[i];
            }
            return new ClusterBootstrap.Sample(a, b, c);
        }

        Optional<PairedMetric> ratio(String name, String statistic, Predicate<Integer> keep,
                                     ToDoubleFunction<TurnRecord> f, PairStatistic stat) {
            List<Integer> idx = indices(keep);
            ClusterBootstrap.Sample s = sample(idx, f);
            Optional<Estimate> session = boot.estimate(s, stat);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            Optional<Estimate> turn = boot.estimate(ClusterBootstrap.Sample.unclustered(s.a(), s.b()), stat);
            TreeMap<String, Estimate> byTask = new TreeMap<>();
            for (String task : new TreeSet<>(idx.stream().map(i -> task(paired.candidate().get(i))).toList())) {
                List<Integer> sub = idx.stream().filter(i -> task(paired.candidate().get(i)).equals(task)).toList();
                boot.estimate(sample(sub, f), stat).ifPresent(e -> byTask.put(task, e));
            }
            return Optional.of(new PairedMetric(name, statistic, s.size(), s.clusters(), turn, session,
                    RatioSpread.of(s.a(), s.b()), byTask));
        }

        Optional<PairedMetric> difference(String name, String statistic, Predicate<Integer> keep,
                                          ToDoubleFunction<TurnRecord> f) {
            ClusterBootstrap.Sample s = sample(indices(keep), f);
            Optional<Estimate> session = boot.estimate(s, ClusterBootstrap.MEAN_DIFFERENCE);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            Optional<Estimate> turn = boot.estimate(ClusterBootstrap.Sample.unclustered(s.a(), s.b()),
                    ClusterBootstrap.MEAN_DIFFERENCE);
            List<Integer> idx = indices(keep);
            TreeMap<String, Estimate> byTask = new TreeMap<>();
            for (String task : new TreeSet<>(idx.stream().map(i -> task(paired.candidate().get(i))).toList())) {
                List<Integer> sub = idx.stream().filter(i -> task(paired.candidate().get(i)).equals(task)).toList();
                boot.estimate(sample(sub, f), ClusterBootstrap.MEAN_DIFFERENCE).ifPresent(e -> byTask.put(task, e));
            }
            return Optional.of(new PairedMetric(name, statistic, s.size(), s.clusters(), turn, session,
                    Optional.empty(), byTask));
        }

        private static String task(TurnRecord t) {
            return t.task() == null || t.task().isEmpty() ? "unknown" : t.task();
        }
    }
}
