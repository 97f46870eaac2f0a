package dev.fameharness.runner.cloud;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.workflow.WorkflowResult;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.report.charts.ReportCharts;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.ResultFormat;
import dev.fameharness.report.results.RunExtras;
import dev.fameharness.report.results.RunResults;
import dev.fameharness.report.stats.Bootstrap;
import dev.fameharness.runner.engine.Architecture;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.PresetRun;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.engine.Servers;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.experiment.RunInfo;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.Verification;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.TurnScore;
import dev.fameharness.strategies.topology.WorkflowTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * {@code fame run --target aws}: drives a deployed preset's state machine with the experiment's sessions and writes
 * the same results folder a simulated run writes, with clock {@code aws}. The sessions are the runner's own
 * workload ({@link Harness#workload}) for the experiment's size and seed; each session runs in its own thread (at
 * most 32 sessions at once; a later session starts when a thread frees and catches up on its arrival times), its
 * turns in order, a turn starting at its arrival time (scaled by {@link Options#arrivalScale}) or when the
 * session's previous turn answered, simultaneous turns of a session side by side, as a local run schedules them.
 * One execution per turn (StartExecution, then DescribeExecution until it ends, then GetExecutionHistory); the
 * experiment's presets (one stack each) run one after another. Measured figures: latency and per-state timing from the history ({@code states.csv}), Lambda init, duration,
 * billed duration and memory from the functions' REPORT lines ({@code lambda.csv}), LLM usage, tool calls, cache
 * hits and store requests from the events the functions log, DynamoDB consumed capacity and S3 request counts from
 * CloudWatch ({@code cloud-metrics.json}). What AWS does not show is listed in run.json's {@code not_measured} and
 * left empty, never filled in from the model.
 */
public final class AwsRun {

    /** The clock name of a cloud run in run.json. */
    public static final String CLOCK = "aws";

    /**
     * How the run is paced and guarded.
     *
     * @param stacks       one stack per preset of the experiment, in any order (matched by their Preset output)
     * @param arrivalScale multiplies the workload's arrival times (1: as the arrival model says; 0: every session
     *                     starts at once)
     * @param poll         pause between DescribeExecution calls while an execution runs
     * @param logWait      pause between reads of the function logs while REPORT lines are still missing (CloudWatch
     *                     Logs ingests with a delay); {@code logAttempts} reads at most
     * @param maxUsd       refuse to start when the estimate is above this
     * @param resume       continue on the state the stack's table and bucket already hold
     * @param storeEndpoints where the client side reaches the stack's table and bucket (the turn's starting state of
     *                     a preset that keeps it in a store); empty: the region's public endpoints
     */
    public record Options(List<String> stacks, double arrivalScale, Duration poll, Duration logWait, int logAttempts,
                          double maxUsd, boolean resume, RunCostEstimator estimate, Map<String, URI> storeEndpoints,
                          String region) {
        public Options {
            stacks = List.copyOf(stacks);
            storeEndpoints = Map.copyOf(storeEndpoints);
            if (arrivalScale < 0 || Double.isNaN(arrivalScale)) {
                throw new ConfigException("--arrival-scale must be >= 0, was " + arrivalScale);
            }
            if (maxUsd < 0 || Double.isNaN(maxUsd)) {
                throw new ConfigException("--max-usd must be >= 0, was " + maxUsd);
            }
        }
    }

    /** What a cloud run produced. */
    public record Outcome(Path runDir, RunResults results, List<String> notMeasured) {
    }

    /** What AWS's own records cannot give per turn; listed in run.json and left empty in the results. */
    static final List<String> NOT_MEASURED = List.of(
            "latency_us.* (latency attribution by part: the execution history splits a turn by state and by Lambda "
                    + "invocation, not into model, tool, store and cold-start time; per-state timing is in states.csv)",
            "dynamodb.storage_gb_month, s3.storage_gb_month (storage held over time is not reported per run)",
            "verification.json (a local run reads every saved value back through the raw stores; a cloud run does not)",
            "redis.* (ElastiCache Serverless usage is not collected)");

    private AwsRun() {
    }

    public static Outcome run(Experiment experiment, Path resultsRoot, String runId, Options options,
                              CloudClients clients, Consumer<String> progress) {
        validate(experiment, options);
        try (Scenario scenario = ExperimentRunner.open(experiment)) {
            return run(experiment, scenario, resultsRoot, runId, options, clients, progress);
        }
    }

    /** @param scenario the experiment's scenario, already open (its corpus loaded); the caller closes it */
    public static Outcome run(Experiment experiment, Scenario scenario, Path resultsRoot, String runId, Options options,
                              CloudClients clients, Consumer<String> progress) {
        validate(experiment, options);
        long seed = experiment.seeds().get(0);
        long t0 = System.nanoTime();
        return run(experiment, scenario, resultsRoot, runId, options, clients, progress, seed, t0);
    }

    /** What can be refused from the experiment and the options alone, before any file is read or call made. */
    private static void validate(Experiment experiment, Options options) {
        if (experiment.seeds().size() != 1) {
            throw new ConfigException("run --target aws runs one seed against a stack (its table and bucket are one "
                    + "namespace; a second seed would start on the first one's state); the experiment has seeds "
                    + experiment.seeds() + ": pick one with --seeds N");
        }
        if (options.stacks().size() != experiment.presets().size()) {
            throw new ConfigException("--stack names " + options.stacks().size() + " stack(s) " + options.stacks()
                    + " for " + experiment.presets().size() + " preset(s) "
                    + experiment.presets().stream().map(Preset::name).toList() + "; give one stack per preset");
        }
    }

    private static Outcome run(Experiment experiment, Scenario scenario, Path resultsRoot, String runId,
                               Options options, CloudClients clients, Consumer<String> progress, long seed, long t0) {
        String toolServer = scenario.toolServers().get(0).serverName();
        // every stack checked before anything runs
        Map<String, CloudStack> stacks = new LinkedHashMap<>();
        for (Preset p : experiment.presets()) {
            CloudStack found = null;
            List<String> seen = new ArrayList<>();
            for (String s : options.stacks()) {
                try {
                    found = CloudStack.describe(clients.cfn(), s, p, toolServer);
                    break;
                } catch (ConfigException e) {
                    seen.add(e.getMessage());
                }
            }
            if (found == null) {
                throw new ConfigException("no stack of " + options.stacks() + " matches preset '" + p.name() + "': "
                        + String.join("; ", seen));
            }
            stacks.put(p.name(), found);
        }
        // the runner's own session generator
        ScenarioWorkload workload = Harness.workload(scenario, experiment.size(), seed, experiment.workload());
        double total = 0;
        for (Preset p : experiment.presets()) {
            total += options.estimate().usd(p, workload.turns(), experiment.model());
        }
        progress.accept(String.format(Locale.ROOT, "estimated cost: %.4f USD for %d turns on %d preset(s) (%s)",
                total, workload.turns().size(), experiment.presets().size(), options.estimate().describe()));
        CostGuard.check("run of " + experiment.name() + " on AWS", total, options.maxUsd());
        List<TurnRecord> turns = new ArrayList<>();
        List<PresetRun> runs = new ArrayList<>();
        Map<String, Object> cloud = new TreeMap<>();
        Map<String, List<String[]>> stateRows = new LinkedHashMap<>();
        Map<String, List<String[]>> lambdaRows = new LinkedHashMap<>();
        for (Preset p : experiment.presets()) {
            CloudStack stack = stacks.get(p.name());
            PresetOutcome o = runPreset(experiment, scenario, stack, workload, seed, runId, options, clients, progress);
            turns.addAll(o.turns());
            runs.add(new PresetRun(p, seed, o.turns(), o.events(), o.wallMillis(), Verification.NONE));
            cloud.put(p.name(), o.cloud());
            stateRows.put(p.name(), o.stateRows());
            lambdaRows.put(p.name(), o.lambdaRows());
        }
        return write(experiment, resultsRoot, runId, seed, turns, runs, cloud, stateRows, lambdaRows,
                scenario.settings(), (System.nanoTime() - t0) / 1_000_000, options);
    }

    private record PresetOutcome(List<TurnRecord> turns, EventLog events, long wallMillis, Map<String, Object> cloud,
                                 List<String[]> stateRows, List<String[]> lambdaRows) {
    }

    private record Executed(ScenarioTurn turn, long arrivalMicros, Optional<ExecutionRecord> execution,
                            String startError) {
    }

    private static PresetOutcome runPreset(Experiment experiment, Scenario scenario, CloudStack stack,
                                           ScenarioWorkload workload, long seed, String runId, Options options,
                                           CloudClients clients, Consumer<String> progress) {
        long wallStart = System.nanoTime();
        Preset preset = stack.preset();
        Map<String, URI> endpoints = new TreeMap<>(options.storeEndpoints());
        stack.table().ifPresent(t -> endpoints.putIfAbsent("dynamodb",
                URI.create("https://dynamodb." + options.region() + ".amazonaws.com")));
        stack.bucket().ifPresent(b -> endpoints.putIfAbsent("s3",
                URI.create("https://s3." + options.region() + ".amazonaws.com")));
        RunPlatform platform = new RunPlatform(RunPlatform.ClockMode.WALL, seed, CalibrationProfile.loadDefault(), 0.0);
        // The client side of a turn: the preset's carrier encodes the starting state (a store-backed one saves it in
        // the stack's table or bucket and passes the reference) and decodes the answer. Opening a store refuses a
        // namespace that already holds data unless the run resumes (ExistingState): no run reuses another's state.
        try (Servers servers = new Servers(endpoints, options.resume())) {
            Architecture arch = ArchitectureFactory.build(preset, platform, servers, scenario.toolServers(),
                    Harness.simulatedModel(scenario).apply(platform), stack.runToken());
            Map<String, Executed> done = new ConcurrentHashMap<>();
            Instant runStart = Instant.now();
            List<String> sessions = workload.sessionIds();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(sessions.size(), 32)));
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (String session : sessions) {
                    futures.add(pool.submit(() -> runSession(workload.session(session), arch, stack, seed, runId,
                            options, clients, runStart, done)));
                }
                for (Future<?> f : futures) {
                    join(f);
                }
            } finally {
                pool.shutdownNow();
            }
            progress.accept(String.format(Locale.ROOT, "%s: %d executions ended; reading the function logs",
                    preset.name(), done.size()));
            Instant from = runStart.minusSeconds(60);
            // The executions have run: a collector the caller may not use (no logs:FilterLogEvents or
            // cloudwatch:GetMetricData permission) leaves its figures not measured instead of losing the run.
            List<String> errors = new ArrayList<>();
            List<FunctionLogs.Invocation> invocations;
            try {
                invocations = logs(clients, stack, done, from, options);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                errors.add("FilterLogEvents failed: " + e.getMessage());
                invocations = List.of();
            }
            Instant to = Instant.now();
            Map<String, OptionalDouble> metrics;
            try {
                metrics = ServiceMetrics.collect(clients.metrics(), stack.table(), stack.bucket(),
                        stack.metricsFilterId(), from, to);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                errors.add("GetMetricData failed: " + e.getMessage());
                metrics = new TreeMap<>();
                for (String k : ServiceMetrics.keys(stack.table(), stack.bucket())) {
                    metrics.put(k, OptionalDouble.empty());
                }
            }
            errors.forEach(progress);
            PresetOutcome o = assemble(scenario, arch, stack, workload, seed, done, runStart, invocations, metrics,
                    (System.nanoTime() - wallStart) / 1_000_000);
            o.cloud().put("collector_errors", errors);
            return o;
        }
    }

    private static void runSession(List<ScenarioTurn> turns, Architecture arch, CloudStack stack, long seed,
                                   String runId, Options options, CloudClients clients, Instant runStart,
                                   Map<String, Executed> done) {
        for (List<ScenarioTurn> group : ScenarioTurn.arrivalGroups(turns)) {
            long arrival = Math.round(group.get(0).arrivalMicros() * options.arrivalScale());
            pause(Duration.ofNanos(arrival * 1000 - Duration.between(runStart, Instant.now()).toNanos()));
            if (group.size() == 1) {
                done.put(group.get(0).turnId(), execute(group.get(0), arrival, arch, stack, seed, runId, options,
                        clients, runStart));
            } else {
                // simultaneous turns of one session: side by side, on threads of their own (not the session pool's,
                // which every session may be holding)
                List<Thread> threads = new ArrayList<>();
                for (ScenarioTurn t : group) {
                    Thread th = new Thread(() -> done.put(t.turnId(), execute(t, arrival, arch, stack, seed, runId,
                            options, clients, runStart)), "turn-" + t.turnId());
                    th.start();
                    threads.add(th);
                }
                for (Thread th : threads) {
                    try {
                        th.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while turns of a session ran", e);
                    }
                }
            }
        }
    }

    /**
     * The execution name: the run's token, the second the preset's sessions started (base 36) and the turn
     * ([A-Za-z0-9-_], at most 80 characters). Step Functions answers a StartExecution whose name and input repeat an
     * earlier execution's with that earlier execution: the start second keeps a rerun with the same run id from
     * reading another run's executions.
     */
    static String executionName(String runId, long seed, Instant runStart, String turnId) {
        String name = (ExperimentRunner.runToken(runId, seed) + "-" + Long.toString(runStart.getEpochSecond(), 36)
                + "-" + turnId).replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() <= 80 ? name : name.substring(name.length() - 80);
    }

    private static Executed execute(ScenarioTurn turn, long arrival, Architecture arch, CloudStack stack, long seed,
                                    String runId, Options options, CloudClients clients, Instant runStart) {
        String input = new String(arch.carrier().encode(AgentState.start(new TurnRequest(turn.sessionId(),
                turn.turnId(), turn.request()))), StandardCharsets.UTF_8);
        StartExecutionResponse started;
        try {
            started = clients.sfn().startExecution(b -> b.stateMachineArn(stack.stateMachineArn())
                    .name(executionName(runId, seed, runStart, turn.turnId())).input(input));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            return new Executed(turn, arrival, Optional.empty(), "StartExecution failed: " + e.getMessage());
        }
        String arn = started.executionArn();
        while (true) {
            DescribeExecutionResponse d = clients.sfn().describeExecution(b -> b.executionArn(arn));
            if (d.status() != ExecutionStatus.RUNNING && d.status() != ExecutionStatus.PENDING_REDRIVE) {
                break;
            }
            pause(options.poll());
        }
        return new Executed(turn, arrival, Optional.of(ExecutionHistories.read(clients.sfn(), arn)), "");
    }

    /**
     * The functions' invocations over the run's window, read again (after {@code logWait}) while fewer REPORT lines
     * than the histories' Lambda invocations have arrived, at most {@code logAttempts} times.
     */
    private static List<FunctionLogs.Invocation> logs(CloudClients clients, CloudStack stack,
                                                      Map<String, Executed> done, Instant from, Options options) {
        long expected = done.values().stream().flatMap(e -> e.execution().stream())
                .mapToLong(ExecutionRecord::lambdaInvocations).sum();
        List<FunctionLogs.Invocation> all = List.of();
        for (int attempt = 1; attempt <= Math.max(1, options.logAttempts()); attempt++) {
            Instant to = Instant.now().plusSeconds(60);
            List<FunctionLogs.Invocation> read = new ArrayList<>();
            for (String function : stack.functions().values()) {
                read.addAll(FunctionLogs.collect(clients.logs(), function, from, to));
            }
            all = read;
            long reports = all.stream().filter(i -> i.report().isPresent() && !i.turn().isEmpty()).count();
            if (reports >= expected || attempt == options.logAttempts()) {
                break;
            }
            pause(options.logWait());
        }
        return all;
    }

    private static PresetOutcome assemble(Scenario scenario, Architecture arch, CloudStack stack,
                                          ScenarioWorkload workload, long seed, Map<String, Executed> done,
                                          Instant runStart, List<FunctionLogs.Invocation> invocations,
                                          Map<String, OptionalDouble> metrics, long wallMillis) {
        Map<String, List<FunctionLogs.Invocation>> byTurn = new TreeMap<>();
        EventLog events = new EventLog();
        List<String[]> lambdaRows = new ArrayList<>();
        int unmatched = 0;
        for (FunctionLogs.Invocation inv : invocations) {
            inv.events().forEach(events::emit);
            if (inv.turn().isEmpty()) {
                unmatched++;
            } else {
                byTurn.computeIfAbsent(inv.turn(), t -> new ArrayList<>()).add(inv);
            }
            lambdaRows.add(new String[] {inv.function(), inv.requestId(), inv.turn(),
                    inv.report().map(r -> plain(r.durationMs())).orElse(""),
                    inv.report().map(r -> plain(r.billedDurationMs())).orElse(""),
                    inv.report().map(r -> plain(r.memorySizeMb())).orElse(""),
                    inv.report().map(r -> plain(r.maxMemoryUsedMb())).orElse(""),
                    inv.report().flatMap(r -> r.initDurationMs().isPresent()
                            ? Optional.of(plain(r.initDurationMs().getAsDouble())) : Optional.empty()).orElse("")});
        }
        List<TurnRecord> records = new ArrayList<>();
        List<String[]> stateRows = new ArrayList<>();
        List<ScenarioTurn> ordered = new ArrayList<>(workload.turns());
        ordered.sort(Comparator.comparing(ScenarioTurn::turnId));
        for (ScenarioTurn turn : ordered) {
            Executed x = done.get(turn.turnId());
            if (x == null) {
                throw new IllegalStateException("turn " + turn.turnId() + " has no execution: the run lost it");
            }
            List<FunctionLogs.Invocation> mine = byTurn.getOrDefault(turn.turnId(), List.of());
            TurnFigures f = TurnFigures.of(mine);
            if (x.execution().isEmpty()) {
                records.add(f.record(stack.preset().name(), seed, turn, x.arrivalMicros(), x.arrivalMicros(), 0,
                        TurnRecord.FAILED, FailureReason.SERVICE_ERROR.label(), x.startError(), 0, 0, TurnScore.NONE,
                        scenario.judgesCorrectness()));
                continue;
            }
            ExecutionRecord e = x.execution().get();
            for (ExecutionRecord.StateTiming s : e.states()) {
                stateRows.add(new String[] {turn.turnId(), s.name(), s.type(),
                        Long.toString(ExecutionRecord.micros(e.start(), s.entered())),
                        s.exited() == null ? "" : Long.toString(ExecutionRecord.micros(e.start(), s.exited())),
                        s.exited() == null ? "" : Long.toString(s.micros()), s.function(),
                        s.lambdaScheduled() == null || s.lambdaEnd() == null ? ""
                                : Long.toString(ExecutionRecord.micros(s.lambdaScheduled(), s.lambdaEnd())),
                        s.outcome()});
            }
            long start = ExecutionRecord.micros(runStart, e.start());
            String status = e.succeeded() ? TurnRecord.COMPLETED : TurnRecord.FAILED;
            String reason = "";
            String detail = "";
            TurnScore score = TurnScore.NONE;
            if (e.succeeded()) {
                String answer = arch.carrier().decode(e.output().getBytes(StandardCharsets.UTF_8)).answer();
                score = scenario.score(turn, answer);
            } else {
                reason = WorkflowTopology.reasonOf(new WorkflowResult(false, "", e.error(), e.cause(),
                        e.transitions())).label();
                detail = oneLine(e.error() + ": " + e.cause());
            }
            records.add(f.record(stack.preset().name(), seed, turn, x.arrivalMicros(), start, e.latencyMicros(), status,
                    reason, detail, e.transitions(), e.maxPayloadBytes(), score, scenario.judgesCorrectness()));
        }
        Map<String, Object> cloud = new TreeMap<>();
        cloud.put("stack", stack.name());
        cloud.put("state_machine", stack.stateMachineArn());
        cloud.put("functions", stack.functions());
        cloud.put("invocations_in_logs", invocations.size());
        cloud.put("invocations_not_matched_to_a_turn", unmatched);
        cloud.put("lambda_invocations_in_histories", done.values().stream().flatMap(x -> x.execution().stream())
                .mapToLong(ExecutionRecord::lambdaInvocations).sum());
        cloud.put("reports_matched_to_a_turn", invocations.stream()
                .filter(i -> i.report().isPresent() && !i.turn().isEmpty()).count());
        Map<String, Object> measured = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        metrics.forEach((k, v) -> {
            if (v.isPresent()) {
                measured.put(k, v.getAsDouble());
            } else {
                missing.add(k);
            }
        });
        cloud.put("cloudwatch", measured);
        cloud.put("cloudwatch_not_measured", missing);
        return new PresetOutcome(records, events, wallMillis, cloud, stateRows, lambdaRows);
    }

    private static Outcome write(Experiment experiment, Path resultsRoot, String runId, long seed, List<TurnRecord> turns,
                                 List<PresetRun> runs, Map<String, Object> cloud, Map<String, List<String[]>> stateRows,
                                 Map<String, List<String[]>> lambdaRows, Map<String, Object> scenarioSettings,
                                 long wall, Options options) {
        Path finalDir = resultsRoot.resolve(experiment.name()).resolve(runId);
        Path tmpDir = resultsRoot.resolve(experiment.name()).resolve("." + runId + ".partial");
        List<String> notMeasured = new ArrayList<>(NOT_MEASURED);
        cloud.forEach((preset, c) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) c;
            @SuppressWarnings("unchecked")
            List<String> missing = (List<String>) m.get("cloudwatch_not_measured");
            missing.forEach(k -> notMeasured.add(preset + ": CloudWatch " + k + " (no data points in the run's window)"));
            @SuppressWarnings("unchecked")
            List<String> errors = (List<String>) m.get("collector_errors");
            errors.forEach(err -> notMeasured.add(preset + ": " + err));
            long expected = ((Number) m.get("lambda_invocations_in_histories")).longValue();
            long matched = ((Number) m.get("reports_matched_to_a_turn")).longValue();
            long unmatched = ((Number) m.get("invocations_not_matched_to_a_turn")).longValue();
            if (unmatched > 0) {
                notMeasured.add(preset + ": " + unmatched + " function invocations in the logs carry no turn's events "
                        + "(e.g. the tool server's, which the actor invokes through the Lambda API): their REPORT "
                        + "figures are in lambda.csv but in no turn's lambda units or cost");
            }
            if (matched < expected) {
                notMeasured.add(preset + ": " + (expected - matched) + " of " + expected + " Lambda invocations in the "
                        + "execution histories have no REPORT line matched to a turn in the function logs (not yet "
                        + "ingested, or outside the window): those turns' invocations, cold starts, lambda units, tokens "
                        + "and store requests are counted only from the invocations that were found");
            }
        });
        RunResults results = RunResults.compute(experiment.name() + "/" + runId, turns, CostModel.withDefaultPrices(),
                RunExtras.NONE, ExperimentRunner.pairs(experiment, experiment.presets().stream().map(Preset::name).toList()),
                Bootstrap.withSeed(seed));
        try {
            ExperimentRunner.deleteRecursively(tmpDir);
            Files.createDirectories(tmpDir.resolve("events"));
            for (PresetRun r : runs) {
                ExperimentRunner.writeEvents(r.events(), tmpDir.resolve("events").resolve(r.preset().name() + "-seed"
                        + seed + ".jsonl.gz"));
            }
            ResultFormat.writeAll(results, tmpDir);
            ReportCharts.writeAll(results, tmpDir, ChartSize.DEFAULT);
            dev.fameharness.report.claims.AnalysisOutputs.writeAll(results, CostModel.withDefaultPrices(), tmpDir,
                    ChartSize.DEFAULT);
            ExperimentRunner.writeCostBreakdown(tmpDir.resolve("costs.json"), runs);
            csv(tmpDir.resolve("states.csv"), List.of("preset", "turn_id", "state", "type", "entered_us", "exited_us",
                    "duration_us", "function", "lambda_us", "outcome"), stateRows);
            csv(tmpDir.resolve("lambda.csv"), List.of("preset", "function", "request_id", "turn_id", "duration_ms",
                    "billed_duration_ms", "memory_size_mb", "max_memory_used_mb", "init_duration_ms"), lambdaRows);
            var json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            json.writeValue(tmpDir.resolve("cloud-metrics.json").toFile(), cloud);
            RunInfo.write(tmpDir.resolve("run.json"), experiment, runId, wall, scenarioSettings, CLOCK, n -> {
                n.put("modeled", "Nothing is modeled: the turns ran on the deployed AWS stack(s) "
                        + String.join(", ", options.stacks()) + "; every time is AWS's own record.");
                n.put("measured", MEASURED);
                var nm = n.putArray("not_measured");
                notMeasured.forEach(nm::add);
                n.put("arrivalScale", options.arrivalScale());
                n.put("maxUsd", options.maxUsd());
                n.put("costEstimate", options.estimate().describe());
            });
            ExperimentRunner.deleteRecursively(finalDir);
            Files.createDirectories(finalDir.getParent());
            Files.move(tmpDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + finalDir, e);
        }
        return new Outcome(finalDir, results, notMeasured);
    }

    static final String MEASURED = "Measured on AWS: per-turn latency (ExecutionStarted to the terminal event of the "
            + "turn's Step Functions execution), state transitions (states entered), the largest state payload and "
            + "per-state timing (states.csv) from the execution history; function invocations, cold starts (REPORT "
            + "lines with an Init Duration), lambda.requests and lambda.gb_s (billed duration x memory size) from the "
            + "functions' REPORT lines, matched to turns by request id (lambda.csv); LLM input/cached/output tokens as "
            + "the model API returned them, tool calls, cache hits and store requests with their billing units as the "
            + "functions' store clients count them, from the events the functions log (events/); DynamoDB consumed "
            + "capacity and S3 request counts for the run's window from CloudWatch (cloud-metrics.json); answers scored "
            + "as in a local run.";

    private static void csv(Path file, List<String> header, Map<String, List<String[]>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write("\r\n");
            for (var e : rows.entrySet()) {
                for (String[] r : e.getValue()) {
                    List<String> fields = new ArrayList<>();
                    fields.add(quote(e.getKey()));
                    for (String f : r) {
                        fields.add(quote(f));
                    }
                    w.write(String.join(",", fields));
                    w.write("\r\n");
                }
            }
        }
    }

    private static String quote(String f) {
        return f.contains(",") || f.contains("\"") || f.contains("\n") ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static void pause(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing the cloud run", e);
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sessions ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
