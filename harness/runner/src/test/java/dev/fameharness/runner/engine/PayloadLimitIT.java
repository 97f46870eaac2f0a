package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.metering.Event;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Step Functions state-payload limit (256 KiB) on the corpus's largest papers: the stateless baseline, which
 * carries tool outputs in the workflow payload, must fail where AWS would; FAME, which carries references, must
 * stay under the limit on every transition and invocation.
 */
class PayloadLimitIT {

    /** Step Functions' maximum state payload: 256 KiB. */
    private static final long STATE_PAYLOAD_LIMIT = 262_144;
    private static final long SEED = 42;

    private static Harness harness;
    private static Paper largest;
    private static Paper second;
    private static ScenarioWorkload workload;
    private static PresetRun fame;
    private static PresetRun stateless;

    @BeforeAll
    static void runBothPresetsOnTheLargestPapers() {
        PaperSummarizationScenario papers = TestScenarios.papers();
        harness = new Harness(papers, Map.of(), CalibrationProfile.loadDefault(), Harness.simulatedModel(papers));
        List<Paper> bySize = papers.corpus().papers().stream()
                .sorted(Comparator.comparingLong(PayloadLimitIT::bytes).reversed()).toList();
        largest = bySize.get(0);
        second = bySize.get(1);
        String summarize = String.format(Locale.ROOT, "Summarize the paper %s (\"%s\").", largest.id(), largest.title());
        String compare = String.format(Locale.ROOT, "Compare papers %s (\"%s\") and %s (\"%s\"): their questions, "
                + "methods and main findings.", largest.id(), largest.title(), second.id(), second.title());
        List<String> pair = List.of(largest.id(), second.id());
        workload = PaperSummarizationScenario.adapt(new Workload(WorkloadSizes.named("quick"), SEED, List.of(
                new Turn("s1", "s1-t00", 0, Duration.ZERO, false, TaskKind.SUMMARIZE_PAPER, List.of(largest.id()),
                        Optional.empty(), Optional.empty(), summarize, List.of(largest.id())),
                new Turn("s2", "s2-t00", 0, Duration.ZERO, false, TaskKind.COMPARE_PAPERS, pair, Optional.empty(),
                        Optional.empty(), compare, pair))));
        PresetCatalog catalog = PresetCatalog.discover();
        fame = harness.run(catalog.get("fame"), workload,
                new PresetRunner.Options(RunPlatform.ClockMode.VIRTUAL, SEED, 1.0, "limit"), r -> { });
        stateless = harness.run(catalog.get("stateless-payload"), workload,
                new PresetRunner.Options(RunPlatform.ClockMode.VIRTUAL, SEED, 1.0, "limit"), r -> { });
    }

    @AfterAll
    static void stopHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    private static long bytes(Paper p) {
        return p.fullText().getBytes(StandardCharsets.UTF_8).length;
    }

    private static TurnRecord turn(PresetRun run, String turnId) {
        return run.turns().stream().filter(t -> t.turnId().equals(turnId)).findFirst().orElseThrow();
    }

    @Test
    void should_fail_with_state_payload_limit_when_stateless_payload_compares_the_two_largest_papers() {
        TurnRecord compare = turn(stateless, "s2-t00");

        assertThat(bytes(largest) + bytes(second)).isGreaterThan(STATE_PAYLOAD_LIMIT);
        assertThat(compare.status()).isEqualTo(TurnRecord.FAILED);
        assertThat(compare.failureReason()).isEqualTo(FailureReason.STATE_PAYLOAD_LIMIT.label());
        assertThat(compare.maxPayloadBytes()).isGreaterThan(STATE_PAYLOAD_LIMIT);
    }

    @Test
    void should_carry_the_whole_text_under_the_limit_when_stateless_payload_summarizes_the_largest_paper() {
        TurnRecord summarize = turn(stateless, "s1-t00");

        assertThat(bytes(largest)).isLessThan(STATE_PAYLOAD_LIMIT);
        assertThat(summarize.status()).as("%s %s", summarize.failureReason(), summarize.detail())
                .isEqualTo(TurnRecord.COMPLETED);
        assertThat(summarize.maxPayloadBytes()).isGreaterThanOrEqualTo(bytes(largest)).isLessThan(STATE_PAYLOAD_LIMIT);
        assertThat(stateless.events().events(Event.Transition.class).stream()
                .filter(t -> t.tags().turn().equals("s1-t00")).mapToLong(Event.Transition::payloadBytes).max().orElse(0))
                .as("largest state payload of the turn").isGreaterThanOrEqualTo(bytes(largest));
    }

    @Test
    void should_complete_both_turns_under_the_payload_limit_when_fame_carries_references() {
        assertThat(fame.turns()).hasSize(2).allSatisfy(t -> assertThat(t.status())
                .as("%s: %s %s", t.turnId(), t.failureReason(), t.detail()).isEqualTo(TurnRecord.COMPLETED));
        List<Event.Transition> transitions = fame.events().events(Event.Transition.class);
        List<Event.Invocation> invocations = fame.events().events(Event.Invocation.class);

        assertThat(transitions).isNotEmpty().allSatisfy(t -> assertThat(t.payloadBytes())
                .as("%s %s", t.workflow(), t.state()).isLessThan(STATE_PAYLOAD_LIMIT));
        assertThat(invocations).isNotEmpty().allSatisfy(i -> {
            assertThat(i.requestBytes()).as("request of %s", i.function()).isLessThan(STATE_PAYLOAD_LIMIT);
            assertThat(i.responseBytes()).as("response of %s", i.function()).isLessThan(STATE_PAYLOAD_LIMIT);
        });
        assertThat(fame.turns()).allSatisfy(t -> assertThat(t.maxPayloadBytes()).isLessThan(STATE_PAYLOAD_LIMIT));
        // the workflow carries references, not texts: no transition holds even the smaller paper
        assertThat(transitions).allSatisfy(t -> assertThat(t.payloadBytes()).isLessThan(bytes(second)));
    }
}
