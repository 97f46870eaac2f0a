package dev.fameharness.runner.experiment;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.llm.ChatModels;
import dev.fameharness.llm.OpenAiSettings;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.report.charts.ReportCharts;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.RunStorage;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.results.ResultFormat;
import dev.fameharness.report.results.RunExtras;
import dev.fameharness.report.results.RunResults;
import dev.fameharness.report.stats.Bootstrap;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.PresetRun;
import dev.fameharness.runner.engine.PresetRunner;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.engine.Servers;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.VerificationJson;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.Scenarios;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Runs an experiment and writes {@code <results>/<experiment>/<run-id>/}: the raw event streams
 * ({@code events/<preset>-seed<k>.jsonl.gz}), {@code turns.csv}, {@code summary.json}, {@code summary.md}, the
 * charts, {@code run.json} (what was run, what is modeled and what is measured) and {@code verification.json}
 * (every completed turn's saved values read back, see {@code WriteLedger}). The folder is written under
 * a temporary name and renamed when complete, so a folder that exists is never a partial result.
 */
public final class ExperimentRunner {

    /** What a finished experiment produced. */
    public record Outcome(Path runDir, RunResults results, List<PresetRun> runs, long wallMillis) {
    }

    /**
     * How many presets run side by side (each is its own simulation). Default 1: on 2 cores two simulations
     * contend for the CPU and for the shared local servers and a run took 75 s instead of 42 s. Set with
     * {@code -Dfame.parallelism=N} on machines with more cores.
     */
    static final int PARALLELISM = Math.max(1, Integer.getInteger("fame.parallelism", 1));

    private ExperimentRunner() {
    }

    private static PresetRun get(java.util.concurrent.Future<PresetRun> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a preset run", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public static Outcome run(Experiment experiment, Path resultsRoot, String runId, Consumer<String> progress) {
        return run(experiment, resultsRoot, runId, false, progress);
    }

    /**
     * @param resume whether the run may start on state an earlier run left in its stores' namespace (tables,
     *               buckets and key prefixes are named after the run id and seed, {@link #runToken}); without it
     *               a namespace that holds data is refused before anything runs
     */
    public static Outcome run(Experiment experiment, Path resultsRoot, String runId, boolean resume,
                              Consumer<String> progress) {
        return run(experiment, resultsRoot, runId, resume, progress, System.getenv());
    }

    /** @param environment where the openai model finds {@code OPENAI_API_KEY} (the process environment by default) */
    public static Outcome run(Experiment experiment, Path resultsRoot, String runId, boolean resume,
                              Consumer<String> progress, Map<String, String> environment) {
        return run(experiment, resultsRoot, runId, resume, progress, environment, CalibrationProfile.loadDefault());
    }

    /** @param profile the calibration profile the run's modeled latencies come from ({@code --profile FILE}) */
    public static Outcome run(Experiment experiment, Path resultsRoot, String runId, boolean resume,
                              Consumer<String> progress, Map<String, String> environment, CalibrationProfile profile) {
        long t0 = System.nanoTime();
        Path finalDir = resultsRoot.resolve(experiment.name()).resolve(runId);
        Path tmpDir = resultsRoot.resolve(experiment.name()).resolve("." + runId + ".partial");
        try {
            deleteRecursively(tmpDir);
            Files.createDirectories(tmpDir.resolve("events"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the results folder " + tmpDir, e);
        }
        try {
            return runInto(experiment, finalDir, tmpDir, runId, resume, progress, t0, environment, profile);
        } catch (RuntimeException | Error e) {
            // Never leave a partial result behind: the folder of a failed run is removed.
            try {
                deleteRecursively(tmpDir);
                deleteIfEmpty(tmpDir.getParent());
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Outcome runInto(Experiment experiment, Path finalDir, Path tmpDir, String runId, boolean resume,
                                   Consumer<String> progress, long t0, Map<String, String> environment,
                                   CalibrationProfile profile) {
        Path resultsRoot = finalDir.getParent().getParent();
        RunPlatform.ClockMode mode = RunPlatform.ClockMode.parse(experiment.clock());
        List<TurnRecord> turns = new ArrayList<>();
        List<PresetRun> runs = new ArrayList<>();
        Map<String, RunStorage> storage = new LinkedHashMap<>();
        Map<String, Double> starts = new LinkedHashMap<>();
        Scenario scenario = open(experiment);
        Map<String, Object> scenarioSettings;
        try (Harness harness = new Harness(scenario, experiment.endpoints(), profile,
                models(experiment, scenario, environment), resume)) {
            scenarioSettings = scenario.settings();
            int total = experiment.seeds().size() * experiment.presets().size();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            // Presets are independent simulations (own clock, platform, tables and buckets): run them side by
            // side; results are assembled in experiment order, so the output does not depend on scheduling.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(1, Math.min(total, PARALLELISM)));
            List<java.util.concurrent.Future<PresetRun>> futures = new ArrayList<>();
            try {
                for (long seed : experiment.seeds()) {
                    ScenarioWorkload workload = harness.workload(experiment.size(), seed, experiment.workload());
                    for (Preset preset : experiment.presets()) {
                        String token = runToken(runId, seed);
                        futures.add(pool.submit(() -> {
                            PresetRun run = harness.run(preset, workload,
                                    new PresetRunner.Options(mode, seed, experiment.wallDelayScale(), token, experiment.faults()), r -> { });
                            writeEvents(run.events(), tmpDir.resolve("events").resolve(preset.name() + "-seed" + seed + ".jsonl.gz"));
                            progress.accept(String.format(java.util.Locale.ROOT,
                                    "[%d/%d] seed %d %-24s %d/%d turns completed (%d ms); %s", done.incrementAndGet(),
                                    total, seed, preset.name(), run.completed(), run.turns().size(), run.wallMillis(),
                                    run.verification().summary()));
                            return run;
                        }));
                    }
                }
                for (java.util.concurrent.Future<PresetRun> f : futures) {
                    PresetRun run = get(f);
                    runs.add(run);
                    turns.addAll(run.turns());
                    String token = runToken(runId, run.seed());
                    var peak = harness.servers().redisPeakBytes(ArchitectureFactory.storeName(run.preset(), token) + ":");
                    if (peak.isPresent()) {
                        long end = run.turns().stream().mapToLong(t -> t.startMicros() + t.latencyMicros()).max().orElse(0);
                        storage.merge(run.preset().name(), RunStorage.redis(peak.getAsLong(), Duration.ofNanos(end * 1000)),
                                (a, b) -> a.redisPeakBytes().getAsLong() >= b.redisPeakBytes().getAsLong() ? a : b);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            harness.servers().startMillis().forEach((k, v) -> starts.put(k, v.doubleValue()));
        }
        List<String> names = experiment.presets().stream().map(Preset::name).toList();
        RunResults results = RunResults.compute(experiment.name() + "/" + runId, turns, CostModel.withDefaultPrices(),
                RunExtras.of(storage, starts), pairs(experiment, names),
                Bootstrap.withSeed(experiment.seeds().get(0)));
        long wall = (System.nanoTime() - t0) / 1_000_000;
        try {
            ResultFormat.writeAll(results, tmpDir);
            ReportCharts.writeAll(results, tmpDir, ChartSize.DEFAULT);
            dev.fameharness.report.claims.AnalysisOutputs.writeAll(results, CostModel.withDefaultPrices(), tmpDir,
                    ChartSize.DEFAULT);
            RunInfo.write(tmpDir.resolve("run.json"), experiment, runId, wall, scenarioSettings);
            writeCostBreakdown(tmpDir.resolve("costs.json"), runs);
            VerificationJson.write(runs.stream().map(r -> new VerificationJson.Entry(r.preset().name(), r.seed(),
                    r.verification())).toList(), tmpDir.resolve(VerificationJson.FILE));
            deleteRecursively(finalDir);
            Files.createDirectories(finalDir.getParent());
            Files.move(tmpDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + finalDir, e);
        }
        return new Outcome(finalDir, results, runs, wall);
    }

    /**
     * Runs every preset of {@code experiment} on its seeds under {@code profile} and returns only the turns, in
     * experiment order (seed, then preset), writing nothing: what {@code fame sensitivity} reruns per level.
     * {@code runId} names the run's tables and buckets.
     */
    public static List<TurnRecord> runTurns(Experiment experiment, CalibrationProfile profile, String runId,
                                            Consumer<String> progress) {
        Scenario scenario = open(experiment);
        try (Harness harness = new Harness(scenario, experiment.endpoints(), profile, models(experiment, scenario))) {
            return runTurns(experiment, profile, runId, harness.scenario(), harness.servers(), true, progress);
        }
    }

    /**
     * The experiment's turns on a scenario already opened with the experiment's settings and on servers that
     * outlive the run (so that many runs, e.g. sensitivity levels, share one data plane, each in the namespace its
     * run id gives). With {@code checks} false answers are not scored nor stored values read back (see
     * {@link PresetRunner.Options}).
     */
    public static List<TurnRecord> runTurns(Experiment experiment, CalibrationProfile profile, String runId,
                                            Scenario scenario, Servers servers, boolean checks,
                                            Consumer<String> progress) {
        RunPlatform.ClockMode mode = RunPlatform.ClockMode.parse(experiment.clock());
        List<TurnRecord> turns = new ArrayList<>();
        PresetRunner runner = new PresetRunner(scenario, servers, profile, models(experiment, scenario));
        for (long seed : experiment.seeds()) {
            ScenarioWorkload workload = Harness.workload(scenario, experiment.size(), seed, experiment.workload());
            for (Preset preset : experiment.presets()) {
                PresetRun run = runner.run(preset, workload, new PresetRunner.Options(mode, seed,
                        experiment.wallDelayScale(), runToken(runId, seed), experiment.faults(), checks), r -> { });
                progress.accept(String.format(java.util.Locale.ROOT, "seed %d %-20s %d/%d turns completed (%d ms)",
                        seed, preset.name(), run.completed(), run.turns().size(), run.wallMillis()));
                turns.addAll(run.turns());
            }
        }
        return turns;
    }

    /** Opens the experiment's scenario with its settings: what {@link #runTurns} with shared parts expects. */
    public static Scenario openScenario(Experiment experiment) {
        return open(experiment);
    }

    /** Every preset against the baseline, then against each of {@code also_baselines}. */
    public static List<PresetPair> pairs(Experiment experiment, java.util.Collection<String> names) {
        List<PresetPair> pairs = new ArrayList<>(PresetPair.againstBaseline(experiment.baseline(), names));
        for (String b : experiment.alsoBaselines()) {
            pairs.addAll(PresetPair.againstBaseline(b, names));
        }
        return pairs;
    }

    /**
     * The namespace of a run's stores for one seed: store names are {@code fame-<preset>-<token>}. Distinct run
     * ids give distinct tokens: a run id that is already 1-12 of [a-z0-9] is used as it is, any other is
     * replaced by 12 base-36 digits of its SHA-256 (so {@code my-run} and {@code myrun} do not share tables).
     * Servers refuse a namespace that already holds data unless the run resumes.
     */
    public static String runToken(String runId, long seed) {
        String clean = runId.matches("[a-z0-9]{1,12}") ? runId : hash12(runId);
        return clean + "s" + Long.toString(seed, 36).replace('-', 'm');
    }

    private static String hash12(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            String b36 = new java.math.BigInteger(1, d).toString(36);
            return b36.substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Opens the experiment's scenario (found by name among the scenario providers) on its data folder. */
    public static Scenario open(Experiment e) {
        return Scenarios.discover().get(e.scenario()).open(new ScenarioOptions(e.corpus(), e.settings()));
    }

    static Function<RunPlatform, ChatModel> models(Experiment e, Scenario scenario) {
        return models(e, scenario, System.getenv());
    }

    /**
     * The experiment's model: {@code openai} with {@code model_options.record_dir} (or {@code --record DIR}) keeps
     * every exchange there, keyed by request hash, so {@code model: replay} with {@code replay_dir} reruns offline.
     */
    static Function<RunPlatform, ChatModel> models(Experiment e, Scenario scenario, Map<String, String> environment) {
        return switch (e.model()) {
            case "simulated" -> Harness.simulatedModel(scenario, e.promptCaching());
            case "openai" -> {
                OpenAiSettings settings = OpenAiSettings.fromEnvironment(environment,
                        e.modelOptions().getOrDefault("base_url", "https://api.openai.com/v1"),
                        e.modelOptions().getOrDefault("model", "gpt-4o-mini"));
                String record = e.modelOptions().get("record_dir");
                yield record == null
                        ? p -> ChatModels.openAi(settings, p.clock(), p.latency(), p.sink())
                        : p -> ChatModels.recordingOpenAi(settings, Path.of(record), p.clock(), p.latency(), p.sink());
            }
            case "replay" -> {
                String dir = e.modelOptions().get("replay_dir");
                if (dir == null) {
                    throw new ConfigException(e.source() + ": model 'replay' needs model_options.replay_dir");
                }
                yield p -> ChatModels.replay(Path.of(dir), e.modelOptions().getOrDefault("model", "gpt-4o-mini"),
                        p.clock(), p.latency(), p.sink());
            }
            default -> throw new ConfigException(e.source() + ": unknown model '" + e.model() + "'");
        };
    }

    /**
     * {@code costs.json}: per preset and seed, usage cost by role (from the event stream: LLM tokens, function
     * GB-s and requests, store units and transitions attributed to the role that caused them) and by session, and
     * the model's input tokens and the cached part of them by role (prompt caching).
     */
    public static void writeCostBreakdown(Path file, List<PresetRun> runs) throws IOException {
        CostModel costs = CostModel.withDefaultPrices();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        var root = json.createObjectNode();
        for (PresetRun run : runs) {
            var node = root.putObject(run.preset().name() + "/seed" + run.seed());
            var byRole = node.putObject("by_role_usd");
            costs.costByRole(run.events().events()).forEach((role, c) -> byRole.set(role, json.valueToTree(c.usdByService())));
            var bySession = node.putObject("by_session_usd");
            costs.bySession(run.turns()).forEach((session, c) -> bySession.put(session, c.total()));
            node.put("total_usd", costs.total(run.turns()).total());
            var cached = node.putObject("cached_input_tokens_by_role");
            var input = node.putObject("input_tokens_by_role");
            java.util.TreeMap<String, long[]> tokensByRole = new java.util.TreeMap<>();
            for (var e : run.events().events()) {
                if (e instanceof dev.fameharness.api.metering.Event.LlmCall c) {
                    long[] t = tokensByRole.computeIfAbsent(c.tags().role(), r -> new long[2]);
                    t[0] += c.inputTokens();
                    t[1] += c.cachedInputTokens();
                }
            }
            tokensByRole.forEach((role, t) -> {
                input.put(role, t[0]);
                cached.put(role, t[1]);
            });
        }
        json.writeValue(file.toFile(), root);
    }

    public static void writeEvents(EventLog events, Path file) {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            events.writeJsonLines(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event stream " + file, e);
        }
    }

    /** Removes the experiment folder a failed first run created, so bad input leaves no folder behind. */
    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        Files.delete(dir);
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
