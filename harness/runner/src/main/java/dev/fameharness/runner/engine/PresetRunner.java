package dev.fameharness.runner.engine;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.Verification;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.TurnScore;
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

    /**
     * How a run is clocked and seeded. {@code checks} false leaves answers unscored (no ROUGE, correctness unknown)
     * and skips reading every stored value back (the verification is empty): for reruns that read only latency,
     * tokens and cost, such as sensitivity levels; nothing the run does or counts changes.
     */
    public record Options(RunPlatform.ClockMode mode, long seed, double wallDelayScale, String runToken,
                          Map<String, Object> faults, boolean checks) {
        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(runToken, "runToken");
            faults = Map.copyOf(faults);
        }

        public Options(RunPlatform.ClockMode mode, long seed, double wallDelayScale, String runToken,
                       Map<String, Object> faults) {
            this(mode, seed, wallDelayScale, runToken, faults, true);
        }

        public Options(RunPlatform.ClockMode mode, long seed, double wallDelayScale, String runToken) {
            this(mode, seed, wallDelayScale, runToken, Map.of());
        }
    }

    private final Scenario scenario;
    private final Servers servers;
    private final CalibrationProfile profile;
    private final Function<RunPlatform, ChatModel> models;

    public PresetRunner(Scenario scenario, Servers servers, CalibrationProfile profile,
                        Function<RunPlatform, ChatModel> models) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.models = Objects.requireNonNull(models, "models");
    }

    private record Outcome(long start, long latency, String status, String reason, String detail, String answer,
                           java.util.SortedMap<String, Long> latencyParts) {
    }

    public PresetRun run(Preset preset, ScenarioWorkload workload, Options options, Consumer<TurnRecord> progress) {
        long wallStart = System.nanoTime();
        RunPlatform platform = new RunPlatform(options.mode(), options.seed(), profile, options.wallDelayScale(),
                options.faults());
        ChatModel model = platform.wrap(models.apply(platform));
        Architecture arch = ArchitectureFactory.build(preset, platform, servers, scenario.toolServers(), model,
                options.runToken());
        Clock clock = platform.clock();
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

        platform.run(() -> {
            List<Clock.Task<Void>> sessions = new ArrayList<>();
            for (String sessionId : workload.sessionIds()) {
                List<ScenarioTurn> turns = workload.session(sessionId);
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
        List<ScenarioTurn> ordered = new ArrayList<>(workload.turns());
        ordered.sort(Comparator.comparing(ScenarioTurn::turnId));
        for (ScenarioTurn turn : ordered) {
            Outcome o = outcomes.get(turn.turnId());
            if (o == null) {
                throw new IllegalStateException("turn " + turn.turnId() + " of preset " + preset.name()
                        + " has no outcome: the run lost it");
            }
            TurnScore score = score(turn, o, options);
            TurnAggregator.Acc acc = aggregate.of(turn.turnId());
            TurnAttribution.storageUnits(stored.getOrDefault(turn.turnId(), new java.util.TreeMap<>()), prices)
                    .forEach(acc::add);
            TurnRecord rec = TurnAggregator.record(preset.name(), options.seed(), turn.sessionId(), turn.turnId(),
                    turn.kind(), turn.arrivalMicros(), o.start(), o.latency(), o.status(), o.reason(), o.detail(),
                    acc, score.rouge1(), score.rouge2(), score.rougeL())
                    .withCorrect(score.correct()).withLatencyParts(o.latencyParts());
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
        Verification verification = options.checks() ? arch.ledger().verify(completed) : Verification.NONE;
        return new PresetRun(preset, options.seed(), records, platform.events(),
                (System.nanoTime() - wallStart) / 1_000_000, verification);
    }

    private void runSession(Preset preset, Architecture arch, Clock clock, RunPlatform platform,
                            List<ScenarioTurn> turns, Map<String, Outcome> outcomes) {
        for (List<ScenarioTurn> group : ScenarioTurn.arrivalGroups(turns)) {
            Duration wait = group.get(0).arrival().minus(clock.now());
            clock.sleep(wait);
            if (group.size() == 1) {
                runTurn(preset, arch, clock, platform, group.get(0), outcomes);
            } else {
                List<Clock.Task<Void>> tasks = new ArrayList<>();
                for (ScenarioTurn t : group) {
                    tasks.add(clock.spawn(t.turnId(), () -> {
                        runTurn(preset, arch, clock, platform, t, outcomes);
                        return null;
                    }));
                }
                tasks.forEach(Clock.Task::join);
            }
        }
    }

    private void runTurn(Preset preset, Architecture arch, Clock clock, RunPlatform platform, ScenarioTurn turn,
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
            platform.sink().emit(new Event.TurnEnd(start, tags, turn.kind(), latency, status, reason, detail));
            outcomes.put(turn.turnId(), new Outcome(start, latency, status, reason, detail, answer, parts));
        }
    }

    /**
     * The scenario's score of a completed answer; a failed turn scores no ROUGE and counts as wrong where the
     * scenario judges correctness.
     */
    private TurnScore score(ScenarioTurn turn, Outcome o, Options options) {
        if (!options.checks()) {
            return TurnScore.NONE;
        }
        if (o.status().equals(TurnRecord.COMPLETED)) {
            return scenario.score(turn, o.answer());
        }
        return scenario.judgesCorrectness() ? TurnScore.exact(false) : TurnScore.NONE;
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
