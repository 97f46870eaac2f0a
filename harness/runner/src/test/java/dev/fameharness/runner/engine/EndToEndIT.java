package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole harness on the quick sessions with seed 42: real servers, the simulated model, virtual time. One
 * {@link Harness} (one set of servers) for the class; each preset runs at most once and is shared by the tests.
 */
class EndToEndIT {

    private static final long SEED = 42;
    private static final Set<String> REASONS = Arrays.stream(FailureReason.values()).map(FailureReason::label)
            .collect(Collectors.toSet());

    private static Harness harness;
    private static PresetCatalog catalog;
    private static ScenarioWorkload quick;
    private static final Map<String, PresetRun> RUNS = new ConcurrentHashMap<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();

    @BeforeAll
    static void startHarness() {
        harness = TestScenarios.paperHarness();
        catalog = PresetCatalog.discover();
        quick = harness.workload("quick", SEED);
    }

    @AfterAll
    static void stopHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A fresh run of a preset on a workload, in its own tables and buckets (tokens of equal length). */
    private static PresetRun run(String preset, ScenarioWorkload workload) {
        String token = String.format(java.util.Locale.ROOT, "e2e%03d", TOKENS.incrementAndGet());
        return harness.run(catalog.get(preset), workload,
                new PresetRunner.Options(RunPlatform.ClockMode.VIRTUAL, workload.seed(), 1.0, token), r -> { });
    }

    /** The shared run of a preset on the quick sessions, seed 42. */
    private static PresetRun shared(String preset) {
        return RUNS.computeIfAbsent(preset, p -> run(p, quick));
    }

    private static String jsonLines(EventLog events) {
        StringWriter out = new StringWriter();
        try {
            events.writeJsonLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void should_score_and_count_every_completed_turn_and_fail_only_at_a_limit_when_stateless_payload_runs_quick() {
        PresetRun run = shared("stateless-payload");

        // the client sends the conversation back every turn: a turn either completes, or the history it carries
        // meets a limit (Step Functions' 256 KiB state, the context window); an implicit follow-up always has its
        // referent in the transcript, so it never lacks context
        assertThat(run.turns()).hasSize(quick.turns().size());
        assertThat(run.turns().stream().filter(TurnRecord::completed).count()).isGreaterThan(run.turns().size() / 2);
        assertThat(run.turns()).allSatisfy(t -> {
            if (t.completed()) {
                assertThat(t.rougeL()).as("ROUGE-L of %s", t.turnId()).isGreaterThan(0);
                assertThat(t.plannerInputTokens()).as("planner tokens of %s", t.turnId()).isPositive();
                assertThat(t.actorInputTokens()).as("actor tokens of %s", t.turnId()).isPositive();
                assertThat(t.evaluatorInputTokens()).as("evaluator tokens of %s", t.turnId()).isPositive();
            } else {
                assertThat(t.failureReason()).as("%s: %s", t.turnId(), t.detail())
                        .isIn(FailureReason.STATE_PAYLOAD_LIMIT.label(), FailureReason.CONTEXT_WINDOW.label());
            }
        });
    }

    @Test
    void should_give_identical_records_and_byte_identical_events_when_seed_is_the_same() {
        PresetRun first = shared("stateless-payload");

        PresetRun second = run("stateless-payload", harness.workload("quick", SEED));

        assertThat(second.turns()).hasSameSizeAs(first.turns());
        for (int i = 0; i < first.turns().size(); i++) {
            assertThat(second.turns().get(i)).as("turn %s", first.turns().get(i).turnId())
                    .usingRecursiveComparison().isEqualTo(first.turns().get(i));
        }
        assertThat(second.turns()).isEqualTo(first.turns());
        String firstEvents = jsonLines(first.events());
        assertThat(firstEvents).isNotEmpty();
        assertThat(jsonLines(second.events())).isEqualTo(firstEvents);
    }

    @Test
    void should_give_identical_records_and_events_when_fame_runs_twice_on_real_stores_with_the_same_seed() {
        PresetRun first = shared("fame");

        PresetRun second = run("fame", quick);

        assertThat(first.turns()).isNotEmpty();
        assertThat(second.turns()).isEqualTo(first.turns());
        assertThat(jsonLines(second.events())).isEqualTo(jsonLines(first.events()));
    }

    @Test
    void should_generate_identical_turns_when_seed_is_the_same_and_different_turns_when_it_differs() {
        ScenarioWorkload again = harness.workload("quick", SEED);
        ScenarioWorkload other = harness.workload("quick", SEED + 1);

        assertThat(again.turns()).isEqualTo(quick.turns());
        assertThat(other.turns()).isNotEqualTo(quick.turns());
        assertThat(other.turns().stream().map(ScenarioTurn::request).toList())
                .isNotEqualTo(quick.turns().stream().map(ScenarioTurn::request).toList());
    }

    @Test
    void should_run_the_same_turns_on_every_preset_when_they_share_a_workload() {
        List<String> presets = List.of("fame", "stateless-payload", "monolithic");
        Set<List<String>> expected = quick.turns().stream()
                .map(t -> List.of(t.turnId(), t.kind(),
                        Long.toString(t.arrivalMicros())))
                .collect(Collectors.toSet());

        for (String preset : presets) {
            PresetRun run = shared(preset);
            Set<List<String>> seen = run.turns().stream()
                    .map(t -> List.of(t.turnId(), t.task(), Long.toString(t.arrivalMicros())))
                    .collect(Collectors.toSet());
            assertThat(seen).as("turns of %s", preset).isEqualTo(expected);
            assertThat(run.turns()).as("turns of %s", preset).hasSize(quick.turns().size())
                    .allSatisfy(t -> assertThat(t.preset()).isEqualTo(preset));
        }
    }

    @Test
    void should_record_exactly_one_known_reason_when_a_turn_fails_and_none_when_it_completes() {
        for (String preset : List.of("fame", "stateless-payload", "monolithic")) {
            PresetRun run = shared(preset);
            assertThat(run.turns()).as("turns of %s", preset).isNotEmpty().allSatisfy(t -> {
                if (t.completed()) {
                    assertThat(t.failureReason()).as("%s of %s", t.turnId(), preset).isEmpty();
                    assertThat(t.detail()).as("%s of %s", t.turnId(), preset).isEmpty();
                } else {
                    assertThat(t.status()).isEqualTo(TurnRecord.FAILED);
                    assertThat(t.failureReason()).as("%s of %s", t.turnId(), preset).isIn(REASONS);
                    assertThat(t.rougeL()).isZero();
                }
            });
            long failed = run.turns().stream().filter(t -> !t.completed()).count();
            assertThat(run.completed() + failed).isEqualTo(quick.turns().size());
        }
    }

    @Test
    void should_draw_the_same_tool_time_in_two_presets_when_a_turn_makes_the_same_first_fetch_paper_call() {
        Map<String, dev.fameharness.api.metering.Event.Invocation> fame = firstFetchPaper(shared("fame"));
        Map<String, dev.fameharness.api.metering.Event.Invocation> payload = firstFetchPaper(shared("stateless-payload"));

        List<String> sameCall = fame.keySet().stream().filter(payload::containsKey)
                .filter(t -> fame.get(t).requestBytes() == payload.get(t).requestBytes()
                        && fame.get(t).responseBytes() == payload.get(t).responseBytes())
                .sorted().toList();
        assertThat(sameCall).as("turns whose first fetch_paper call is the same in both presets").hasSizeGreaterThan(3);
        for (String turn : sameCall) {
            // The tool function's handler time: the keyed tool draw plus its compute for the same bytes.
            assertThat(payload.get(turn).durationMicros()).as("fetch_paper handler time in %s", turn)
                    .isEqualTo(fame.get(turn).durationMicros());
        }
        assertThat(sameCall.stream().map(t -> fame.get(t).durationMicros()).distinct().count())
                .as("draws differ between calls").isGreaterThan(1);
    }

    /**
     * Per turn, the tool-server invocation behind the turn's first fetch_paper call that reached the tool (the
     * invocation is metered just before its tool call, at the same clock time).
     */
    private static Map<String, dev.fameharness.api.metering.Event.Invocation> firstFetchPaper(PresetRun run) {
        Map<String, dev.fameharness.api.metering.Event.Invocation> out = new java.util.TreeMap<>();
        Map<String, dev.fameharness.api.metering.Event.Invocation> last = new java.util.HashMap<>();
        for (dev.fameharness.api.metering.Event e : run.events().events()) {
            if (e instanceof dev.fameharness.api.metering.Event.Invocation i && i.function().equals("papers")) {
                last.put(i.tags().turn() + "@" + i.atMicros(), i);
            } else if (e instanceof dev.fameharness.api.metering.Event.ToolCall c && c.tool().equals("fetch_paper")
                    && !c.cache().equals("hit") && c.outcome().equals("ok")) {
                var i = last.get(c.tags().turn() + "@" + c.atMicros());
                if (i != null) {
                    out.putIfAbsent(c.tags().turn(), i);
                }
            }
        }
        return out;
    }

    @Test
    void should_split_every_turn_latency_into_parts_that_sum_exactly_and_leave_nothing_unexplained() {
        for (String preset : List.of("fame", "stateless-payload", "monolithic")) {
            PresetRun run = shared(preset);
            assertThat(run.turns()).as("turns of %s", preset).allSatisfy(t -> {
                assertThat(t.latencyParts()).as("%s of %s", t.turnId(), preset).isNotEmpty();
                assertThat(t.latencyParts().values().stream().mapToLong(Long::longValue).sum())
                        .as("parts of %s (%s) in %s", t.turnId(), t.latencyParts(), preset)
                        .isEqualTo(t.latencyMicros());
                assertThat(t.latencyParts()).as("%s of %s", t.turnId(), preset)
                        .doesNotContainKey(dev.fameharness.api.time.LatencyPart.OTHER);
            });
            assertThat(run.turns().stream().filter(t -> t.latencyParts().containsKey("llm.decode")).count())
                    .as("turns of %s with model time", preset).isEqualTo(run.turns().size());
        }
    }

    @Test
    void should_price_storage_held_and_cached_prompt_prefixes_per_turn_where_the_architecture_has_them() {
        List<TurnRecord> fame = shared("fame").turns();
        List<TurnRecord> payload = shared("stateless-payload").turns();

        // FAME keeps memory in DynamoDB and artifacts and cached tool responses in S3; the payload baseline stores nothing.
        assertThat(fame.stream().mapToDouble(t -> t.unit("dynamodb.storage_gb_month")).sum()).isPositive();
        assertThat(fame.stream().mapToDouble(t -> t.unit("s3.storage_gb_month")).sum()).isPositive();
        assertThat(payload).allSatisfy(t -> {
            assertThat(t.unit("dynamodb.storage_gb_month")).isZero();
            assertThat(t.unit("s3.storage_gb_month")).isZero();
        });
        // The role prompts repeat, so some prompts of 1,024 tokens or more start with a cached prefix.
        double cached = fame.stream().mapToDouble(t -> t.unit("llm.cached_input_tokens")).sum();
        assertThat(cached).isPositive();
        assertThat(cached % 128).as("whole 128-token blocks").isZero();
    }
}
