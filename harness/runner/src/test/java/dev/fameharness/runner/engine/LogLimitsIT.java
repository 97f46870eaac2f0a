package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.logs.LogAnalyticsScenario;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import dev.fameharness.scenario.logs.sessions.LogQuestion;
import dev.fameharness.scenario.logs.tools.LogToolServer;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.Scenarios;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits where AWS would apply them, on real logs, with the same agent and policy for every preset: the
 * policy reads a whole log ({@code get_log}) first. The payload baseline carries it in the Step Functions
 * state (256 KiB) and the prompts (128k tokens); single-dynamodb stores it as one DynamoDB item (400 KB);
 * FAME keeps it in S3 and passes a reference.
 */
class LogLimitsIT {

    private static final long STATE_PAYLOAD_LIMIT = 262_144;
    private static final long ITEM_LIMIT = 400 * 1024;
    private static final long SEED = 42;

    private static LogAnalyticsScenario logs;
    private static Harness harness;
    private static LogSystem small;
    private static LogSystem over;
    private static LogSystem huge;
    private static final Map<String, PresetRun> RUNS = new java.util.HashMap<>();

    @BeforeAll
    static void runFourPresetsOnThreeLogs() {
        logs = (LogAnalyticsScenario) Scenarios.discover().get("log-analytics").open(ScenarioOptions.defaults());
        harness = new Harness(logs, Map.of(), CalibrationProfile.loadDefault(), Harness.simulatedModel(logs));
        small = logs.corpus().system("HPC").orElseThrow();       // whole log under the state limit
        over = logs.corpus().system("HDFS").orElseThrow();       // over the state limit, under the context window
        huge = logs.corpus().system("OpenStack").orElseThrow();  // over the item limit and the context window
        ScenarioWorkload w = new ScenarioWorkload("limits", SEED, List.of(
                logs.turn("s1", "s1-t00", Duration.ZERO, LogQuestion.overview(small.name())),
                logs.turn("s2", "s2-t00", Duration.ZERO, LogQuestion.levelCount(over.name(), "WARN")),
                logs.turn("s3", "s3-t00", Duration.ZERO, LogQuestion.levelCount(huge.name(), "ERROR"))));
        PresetCatalog catalog = PresetCatalog.discover();
        for (String p : List.of("fame", "stateless-payload", "single-dynamodb", "single-dynamodb-chunked")) {
            RUNS.put(p, harness.run(catalog.get(p), w,
                    new PresetRunner.Options(RunPlatform.ClockMode.VIRTUAL, SEED, 1.0, "lim"), r -> { }));
        }
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static long bytes(LogSystem s) {
        return LogToolServer.getLog(s).getBytes(StandardCharsets.UTF_8).length;
    }

    private static TurnRecord turn(String preset, String id) {
        return RUNS.get(preset).turns().stream().filter(t -> t.turnId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void should_fail_the_payload_baseline_at_the_state_limit_and_the_context_window_exactly_where_the_log_passes_them() {
        assertThat(bytes(small)).isLessThan(STATE_PAYLOAD_LIMIT);
        assertThat(bytes(over)).isGreaterThan(STATE_PAYLOAD_LIMIT);
        TurnRecord below = turn("stateless-payload", "s1-t00");
        TurnRecord above = turn("stateless-payload", "s2-t00");
        TurnRecord window = turn("stateless-payload", "s3-t00");

        assertThat(below.status()).as(below.detail()).isEqualTo(TurnRecord.COMPLETED);
        assertThat(below.correct()).isEqualTo(TurnRecord.CORRECT);
        assertThat(below.maxPayloadBytes()).isGreaterThan(bytes(small)).isLessThan(STATE_PAYLOAD_LIMIT);
        assertThat(above.failureReason()).as(above.detail()).isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT.label());
        assertThat(above.correct()).isEqualTo(TurnRecord.WRONG);
        assertThat(window.failureReason()).as(window.detail()).isEqualTo(FailureReason.CONTEXT_WINDOW.label());
    }

    @Test
    void should_hit_the_dynamodb_item_limit_on_single_dynamodb_where_the_chunked_variant_completes() {
        assertThat(bytes(huge)).isGreaterThan(ITEM_LIMIT);
        assertThat(bytes(over)).isLessThan(ITEM_LIMIT);
        TurnRecord single = turn("single-dynamodb", "s3-t00");
        TurnRecord chunked = turn("single-dynamodb-chunked", "s3-t00");

        assertThat(single.failureReason()).as(single.detail()).isEqualTo(FailureReason.ITEM_SIZE_LIMIT.label());
        assertThat(chunked.status()).as(chunked.detail()).isEqualTo(TurnRecord.COMPLETED);
        assertThat(chunked.correct()).isEqualTo(TurnRecord.CORRECT);
        assertThat(turn("single-dynamodb", "s2-t00").status()).isEqualTo(TurnRecord.COMPLETED);
    }

    @Test
    void should_answer_every_question_exactly_under_the_limits_when_fame_keeps_the_logs_in_s3() {
        for (TurnRecord t : RUNS.get("fame").turns()) {
            assertThat(t.status()).as("%s %s", t.turnId(), t.detail()).isEqualTo(TurnRecord.COMPLETED);
            assertThat(t.correct()).as(t.turnId()).isEqualTo(TurnRecord.CORRECT);
        }
        // The tool function still returns the whole log to the actor (a Lambda response, 6 MB limit); what travels
        // through the workflow's states is the reference.
        assertThat(RUNS.get("fame").events().events(dev.fameharness.api.metering.Event.Transition.class))
                .isNotEmpty().allSatisfy(t -> assertThat(t.payloadBytes()).isLessThan(STATE_PAYLOAD_LIMIT));
        assertThat(RUNS.get("fame").turns().stream().mapToLong(TurnRecord::inputTokens).max().orElse(0))
                .as("largest prompt total of a fame turn").isLessThan(128_000);
    }
}
