package dev.fameharness.runner.engine;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.Verification;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.rouge.RougeScorer;
import dev.fameharness.scenario.papers.rouge.RougeScores;
import dev.fameharness.scenario.papers.sessions.Turn;
import dev.fameharness.scenario.papers.sessions.Workload;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one workload on one preset: every session is a process; a turn starts at its arrival time or when the
 * session's previous turn has answered, whichever is later; simultaneous turns of a session run concurrently.
 * Each turn ends in exactly one status and, when failed, exactly one reason.
 */
public final class PresetRunner {

    /** How a run is clocked and seeded. */
    public record Options(RunPlatform.ClockMode mode, long seed, double wallDelayScale, String runToken,
                          Map<String, Object> faults) {
        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(runToken, "runToken");
            faults = Map.copyOf(faults);
        }

        public Options(RunPlatform.ClockMode mode, long seed, double wallDelayScale, String runToken) {
            this(mode, seed, wallDelayScale, runToken, Map.of());
        }
    }

    private final Corpus corpus;
    private final ToolServerSpec toolServer;
    private final Servers servers;
    private final CalibrationProfile profile;
    private final Function<RunPlatform, ChatModel> models;
    private final RougeScorer rouge = new RougeScorer(true);

    public PresetRunner(Corpus corpus, ToolServerSpec toolServer, Servers servers, CalibrationProfile profile,
                        Function<RunPlatform, ChatModel> models) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.toolServer = Objects.requireNonNull(toolServer, "toolServer");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.models = Objects.requireNonNull(models, "models");
    }

    private record Outcome(long start, long latency, String status, String reason, String detail, String answer,
                           java.util.SortedMap<String, Long> latencyParts) {
    }

    public PresetRun run(Preset preset, Workload workload, Options options, Consumer<TurnRecord> progress) {
        long wallStart = System.nanoTime();
        RunPlatform platform = new RunPlatform(options.mode(), options.seed(), profile, options.wallDelayScale(),
                options.faults());
        ChatModel model = platform.wrap(models.apply(platform));
        Architecture arch = ArchitectureFactory.build(preset, platform, servers, toolServer, model, options.runToken());
        Clock clock = platform.clock();
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

        platform.run(() -> {
            List<Clock.Task<Void>> sessions = new ArrayList<>();
            for (String sessionId : workload.sessionIds()) {
                List<Turn> turns = workload.session(sessionId);
                sessions.add(clock.spawn(sessionId, () -> {
                    runSession(preset, arch, clock, platform, turns, outcomes);
                    return null;
                }));
            }
            sessions.forEach(Clock.Task::join);
            return null;
        });

        TurnAggregator aggregate = new TurnAggregator(platform.events().events());
        long runEnd = outcomes.values().stream().mapToLong(o -> o.start() + o.latency()).max().orElse(0);
        var stored = platform.storage().byteMicros(runEnd);
        var prices = dev.fameharness.report.cost.CostModel.withDefaultPrices().prices();
        List<TurnRecord> records = new ArrayList<>();
        List<Turn> ordered = new ArrayList<>(workload.turns());
        ordered.sort(Comparator.comparing(Turn::turnId));
        for (Turn turn : ordered) {
            Outcome o = outcomes.get(turn.turnId());
            if (o == null) {
                throw new IllegalStateException("turn " + turn.turnId() + " of preset " + preset.name()
                        + " has no outcome: the run lost it");
            }
            double[] r = o.status().equals(TurnRecord.COMPLETED) ? score(turn, o.answer()) : new double[3];
            TurnAggregator.Acc acc = aggregate.of(turn.turnId());
            TurnAttribution.storageUnits(stored.getOrDefault(turn.turnId(), new java.util.TreeMap<>()), prices)
                    .forEach(acc::add);
            TurnRecord rec = TurnAggregator.record(preset.name(), options.seed(), turn.sessionId(), turn.turnId(),
                    turn.kind().name().toLowerCase(java.util.Locale.ROOT), turn.arrivalMicros(), o.start(), o.latency(),
                    o.status(), o.reason(), o.detail(), acc, r[0], r[1], r[2]).withLatencyParts(o.latencyParts());
            records.add(rec);
            progress.accept(rec);
        }
        // Nothing lost: every completed turn's saved values, read back through the raw stores (no modeled time).
        java.util.Set<String> completed = new java.util.HashSet<>();
        outcomes.forEach((id, o) -> {
            if (o.status().equals(TurnRecord.COMPLETED)) {
                completed.add(id);
            }
        });
        Verification verification = arch.ledger().verify(completed);
        return new PresetRun(preset, options.seed(), records, platform.events(),
                (System.nanoTime() - wallStart) / 1_000_000, verification);
    }

    private void runSession(Preset preset, Architecture arch, Clock clock, RunPlatform platform, List<Turn> turns,
                            Map<String, Outcome> outcomes) {
        int i = 0;
        while (i < turns.size()) {
            List<Turn> group = new ArrayList<>();
            group.add(turns.get(i++));
            while (i < turns.size() && turns.get(i).simultaneous()) {
                group.add(turns.get(i++));
            }
            Duration wait = group.get(0).arrival().minus(clock.now());
            clock.sleep(wait);
            if (group.size() == 1) {
                runTurn(preset, arch, clock, platform, group.get(0), outcomes);
            } else {
                List<Clock.Task<Void>> tasks = new ArrayList<>();
                for (Turn t : group) {
                    tasks.add(clock.spawn(t.turnId(), () -> {
                        runTurn(preset, arch, clock, platform, t, outcomes);
                        return null;
                    }));
                }
                tasks.forEach(Clock.Task::join);
            }
        }
    }

    private void runTurn(Preset preset, Architecture arch, Clock clock, RunPlatform platform, Turn turn,
                         Map<String, Outcome> outcomes) {
        Tags tags = new Tags(preset.name(), turn.sessionId(), turn.turnId(), "harness");
        try (Scope scope = Scope.with(tags)) {
            Duration startTime = clock.now();
            long start = startTime.toNanos() / 1000;
            String status = TurnRecord.COMPLETED;
            String reason = "";
            String detail = "";
            String answer = "";
            try {
                AgentState done = arch.topology().run(AgentState.start(
                        new TurnRequest(turn.sessionId(), turn.turnId(), turn.request())));
                answer = done.answer();
            } catch (RuntimeException e) {
                FailureReason r = TurnFailure.classify(e);
                status = TurnRecord.FAILED;
                reason = r.label();
                detail = oneLine(e.getMessage());
            }
            long latency = micros(clock) - start;
            var parts = TurnAttribution.micros(clock.attribution(startTime), latency);
            platform.sink().emit(new Event.TurnEnd(start, tags, turn.kind().name(), latency, status, reason, detail));
            outcomes.put(turn.turnId(), new Outcome(start, latency, status, reason, detail, answer, parts));
        }
    }

    private double[] score(Turn turn, String answer) {
        double[] sum = new double[3];
        for (String id : turn.referencePaperIds()) {
            String reference = corpus.paper(id).orElseThrow().primaryReference();
            RougeScores s = rouge.score(reference, answer);
            sum[0] += s.rouge1().f1();
            sum[1] += s.rouge2().f1();
            sum[2] += s.rougeL().f1();
        }
        int n = turn.referencePaperIds().size();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private static long micros(Clock clock) {
        return clock.now().toNanos() / 1000;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
