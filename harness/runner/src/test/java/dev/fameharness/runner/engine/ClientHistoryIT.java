package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.sessions.TaskKind;
import dev.fameharness.scenario.papers.sessions.Turn;
import dev.fameharness.scenario.papers.sessions.Workload;
import dev.fameharness.scenario.papers.sessions.WorkloadSizes;
import dev.fameharness.scenario.papers.spi.PaperSummarizationScenario;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One long session (one paper summarized per turn) on the history-carrying baselines: the client sends the whole
 * conversation back every turn, so the payload and the input tokens grow turn after turn until the service
 * refuses. Under Step Functions (stateless-payload) the 256 KiB state limit refuses first; in one Lambda invocation
 * (monolithic, 6 MB) the 128k-token context window does. The stateless baseline (no memory) does not grow.
 */
class ClientHistoryIT {

    private static final long STATE_PAYLOAD_LIMIT = 262_144;
    private static final long SEED = 5;
    private static final int TURNS = 16;

    private static Harness harness;
    private static PresetRun payload;
    private static PresetRun monolithic;
    private static PresetRun stateless;

    @BeforeAll
    static void runOneLongSession() {
        PaperSummarizationScenario papers = TestScenarios.papers();
        harness = new Harness(papers, Map.of(), CalibrationProfile.loadDefault(), Harness.simulatedModel(papers));
        // mid-sized papers (none alone near a limit), each summarized once, a minute apart
        List<Paper> bySize = papers.corpus().papers().stream()
                .sorted(Comparator.comparingLong(ClientHistoryIT::bytes).reversed()).toList();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < TURNS; i++) {
            Paper p = bySize.get(10 + i);
            String request = String.format(Locale.ROOT, "Summarize the paper %s (\"%s\").", p.id(), p.title());
            turns.add(new Turn("s1", String.format(Locale.ROOT, "s1-t%02d", i), i, Duration.ofMinutes(i), false,
                    TaskKind.SUMMARIZE_PAPER, List.of(p.id()), Optional.empty(), Optional.empty(), request,
                    List.of(p.id())));
        }
        ScenarioWorkload workload = PaperSummarizationScenario.adapt(new Workload(WorkloadSizes.named("quick"), SEED,
                turns));
        PresetCatalog catalog = PresetCatalog.discover();
        PresetRunner.Options options = new PresetRunner.Options(RunPlatform.ClockMode.VIRTUAL, SEED, 1.0, "history");
        payload = harness.run(catalog.get("stateless-payload"), workload, options, r -> { });
        monolithic = harness.run(catalog.get("monolithic"), workload, options, r -> { });
        stateless = harness.run(catalog.get("stateless"), workload, options, r -> { });
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static long bytes(Paper p) {
        return p.fullText().getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<TurnRecord> inOrder(PresetRun run) {
        return run.turns().stream().sorted(Comparator.comparing(TurnRecord::turnId)).toList();
    }

    /** The completed turns before the first failure, and that failure. */
    private static int firstFailure(List<TurnRecord> turns) {
        for (int i = 0; i < turns.size(); i++) {
            if (!turns.get(i).completed()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void should_grow_payload_and_tokens_then_fail_at_the_state_limit_when_the_client_carries_the_conversation() {
        List<TurnRecord> turns = inOrder(payload);
        int failed = firstFailure(turns);

        assertThat(failed).as("a turn fails before the session ends").isBetween(2, TURNS - 1);
        for (int i = 1; i < failed; i++) {
            assertThat(turns.get(i).maxPayloadBytes()).as("payload of turn %d", i)
                    .isGreaterThan(turns.get(i - 1).maxPayloadBytes());
            assertThat(turns.get(i).inputTokens()).as("input tokens of turn %d", i)
                    .isGreaterThan(turns.get(i - 1).inputTokens());
        }
        // every completed turn stayed within Step Functions' limit; the first failure is the limit, past it
        assertThat(turns.subList(0, failed)).allSatisfy(t -> assertThat(t.maxPayloadBytes())
                .isLessThanOrEqualTo(STATE_PAYLOAD_LIMIT));
        TurnRecord refused = turns.get(failed);
        assertThat(refused.failureReason()).as(refused.detail()).isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT.label());
        assertThat(refused.maxPayloadBytes()).isGreaterThan(STATE_PAYLOAD_LIMIT);
    }

    @Test
    void should_fail_at_the_context_window_when_one_function_carries_the_conversation_past_128k_tokens() {
        List<TurnRecord> turns = inOrder(monolithic);
        int failed = firstFailure(turns);

        assertThat(failed).as("a turn fails before the session ends").isBetween(2, TURNS - 1);
        assertThat(turns.get(failed).failureReason()).as(turns.get(failed).detail())
                .isEqualTo(FailureReason.CONTEXT_WINDOW.label());
        // it went further than Step Functions allowed: the payload limit did not apply to one invocation
        assertThat(failed).isGreaterThan(firstFailure(inOrder(payload)));
        assertThat(turns.get(failed - 1).maxPayloadBytes()).isGreaterThan(STATE_PAYLOAD_LIMIT);
    }

    @Test
    void should_not_grow_when_each_turn_starts_from_the_request_alone() {
        List<TurnRecord> turns = inOrder(stateless);

        assertThat(turns).allSatisfy(t -> assertThat(t.completed()).as(t.turnId() + " " + t.detail()).isTrue());
        long largestPaper = turns.stream().mapToLong(TurnRecord::maxPayloadBytes).max().orElseThrow();
        assertThat(largestPaper).isLessThan(STATE_PAYLOAD_LIMIT);
        // the planner sees the request alone every turn: its prompt does not grow with the session
        long first = turns.get(0).plannerInputTokens();
        assertThat(turns).allSatisfy(t -> assertThat(t.plannerInputTokens()).isBetween(first - 40, first + 40));
    }
}
