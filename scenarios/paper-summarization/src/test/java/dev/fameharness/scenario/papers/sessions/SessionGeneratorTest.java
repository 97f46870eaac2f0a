package dev.fameharness.scenario.papers.sessions;

import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.corpus.Paper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SessionGeneratorTest {

    private static Corpus corpus;
    private static SessionGenerator generator;

    @BeforeAll
    static void loadCorpus() {
        corpus = JatsCorpusLoader.loadDefault();
        generator = new SessionGenerator(corpus);
    }

    @Test
    void should_generate_identical_turns_when_the_seed_is_the_same() {
        SessionConfig config = WorkloadSizes.named("default");
        Workload first = generator.generate(config, 42);
        Workload second = new SessionGenerator(corpus).generate(config, 42);
        assertThat(second.turns()).isEqualTo(first.turns());
    }

    @Test
    void should_generate_different_turns_when_the_seed_differs() {
        SessionConfig config = WorkloadSizes.named("default");
        assertThat(generator.generate(config, 43).turns()).isNotEqualTo(generator.generate(config, 42).turns());
    }

    @Test
    void should_not_depend_on_corpus_order_when_papers_are_listed_differently() {
        List<Paper> reversed = new ArrayList<>(corpus.papers());
        Collections.reverse(reversed);
        Workload fromReversed = new SessionGenerator(new Corpus(corpus.folder(), reversed))
                .generate(WorkloadSizes.named("quick"), 7);
        assertThat(fromReversed.turns()).isEqualTo(generator.generate(WorkloadSizes.named("quick"), 7).turns());
    }

    @Test
    void should_skew_paper_popularity_when_zipf_exponent_is_one() {
        Workload workload = generator.generate(WorkloadSizes.named("large"), 1);
        Map<String, Integer> counts = new TreeMap<>();
        corpus.ids().forEach(id -> counts.put(id, 0));
        workload.turns().forEach(t -> t.paperIds().forEach(id -> counts.merge(id, 1, Integer::sum)));
        List<Integer> sorted = counts.values().stream().sorted().toList();
        int median = sorted.get(sorted.size() / 2);
        int max = sorted.get(sorted.size() - 1);
        // Zipf(1) over 120 papers: the top paper has weight 1/H(120) ~ 18.6%, the median ~0.3%
        assertThat(max).isGreaterThan(5 * Math.max(1, median));
    }

    @Test
    void should_produce_sizes_kinds_and_simultaneous_turns_when_generating_default() {
        SessionConfig config = WorkloadSizes.named("default");
        Workload workload = generator.generate(config, 42);

        assertThat(workload.sessionIds()).hasSize(config.sessions());
        int expected = config.sessions() * config.meanTurnsPerSession();
        assertThat(workload.turns().size()).isBetween(expected * 3 / 4, expected * 5 / 4);
        // lengths are long-tailed: some sessions run to twice the mean
        assertThat(workload.sessionIds()).anyMatch(id -> workload.session(id).size() >= 2 * config.meanTurnsPerSession());
        assertThat(workload.turns().stream().filter(Turn::simultaneous).count()).isPositive();
        assertThat(workload.turns().stream().map(Turn::kind).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(TaskKind.class)))).isEqualTo(EnumSet.allOf(TaskKind.class));
        assertThat(workload.turns()).isSortedAccordingTo(
                java.util.Comparator.comparing(Turn::arrival).thenComparing(Turn::sessionId));
    }

    @Test
    void should_keep_session_invariants_when_generating_large() {
        Workload workload = generator.generate(WorkloadSizes.named("large"), 3);
        for (String sessionId : workload.sessionIds()) {
            List<Turn> turns = workload.session(sessionId);
            for (int i = 0; i < turns.size(); i++) {
                Turn turn = turns.get(i);
                assertThat(turn.turnId()).isEqualTo(String.format("%s-t%02d", sessionId, i));
                assertThat(turn.index()).isEqualTo(i);
                if (i == 0) {
                    assertThat(turn.simultaneous()).isFalse();
                } else {
                    Turn previous = turns.get(i - 1);
                    assertThat(turn.arrival()).isGreaterThanOrEqualTo(previous.arrival());
                    assertThat(turn.simultaneous()).isEqualTo(turn.arrival().equals(previous.arrival()));
                }
                switch (turn.kind()) {
                    case FOLLOW_UP -> {
                        // the paper was the subject of a turn that arrived strictly earlier in the same session
                        String paper = turn.paperIds().get(0);
                        assertThat(turns.subList(0, i)).anyMatch(t -> t.arrival().compareTo(turn.arrival()) < 0
                                && t.paperIds().contains(paper));
                        assertThat(turn.simultaneous()).isFalse();
                    }
                    case IMPLICIT_FOLLOW_UP -> {
                        // names no paper; its truth is the previous turn's paper(s), or that paper and the first
                        Turn previous = turns.get(i - 1);
                        assertThat(PromptIds.in(turn.request())).isEmpty();
                        assertThat(turn.simultaneous()).isFalse();
                        assertThat(turn.paperIds().get(0)).isEqualTo(previous.paperIds().get(0));
                        if (turn.form().equals(Turn.COMPARE_FIRST)) {
                            assertThat(turn.paperIds()).containsExactly(previous.paperIds().get(0),
                                    turns.get(0).paperIds().get(0));
                        } else {
                            assertThat(turn.paperIds()).isEqualTo(previous.paperIds());
                        }
                    }
                    case COMPARE_PAPERS -> {
                        assertThat(turn.paperIds()).hasSize(2).doesNotHaveDuplicates();
                        assertThat(turn.referencePaperIds()).isEqualTo(turn.paperIds());
                    }
                    case SEARCH_THEN_SUMMARIZE -> {
                        assertThat(turn.query()).isPresent();
                        assertThat(turn.request()).doesNotContain(turn.paperIds().get(0));
                    }
                    case SUMMARIZE_SECTION -> {
                        Paper paper = corpus.paper(turn.paperIds().get(0)).orElseThrow();
                        assertThat(paper.sections()).anyMatch(s -> s.title().equals(turn.sectionTitle().get()));
                    }
                    default -> assertThat(turn.request()).contains(turn.paperIds().get(0));
                }
            }
        }
    }

    @Test
    void should_produce_implicit_follow_ups_at_the_configured_share_and_none_when_it_is_zero() {
        SessionConfig config = WorkloadSizes.named("large");

        Workload half = generator.generate(config, 7);
        Workload none = generator.generate(config.with(java.util.Map.of("implicitShare", 0)), 7);
        Workload all = generator.generate(config.with(java.util.Map.of("implicitShare", 1)), 7);

        long followUps = half.turns().stream().filter(t -> t.kind() == TaskKind.FOLLOW_UP
                || t.kind() == TaskKind.IMPLICIT_FOLLOW_UP).count();
        long implicit = half.turns().stream().filter(t -> t.kind() == TaskKind.IMPLICIT_FOLLOW_UP).count();
        assertThat((double) implicit / followUps).isBetween(0.4, 0.6);
        assertThat(half.turns()).extracting(Turn::form).contains(Turn.QUESTION, Turn.COMPARE_FIRST, Turn.SHORTER);
        assertThat(none.turns()).noneMatch(t -> t.kind() == TaskKind.IMPLICIT_FOLLOW_UP);
        assertThat(all.turns()).noneMatch(t -> t.kind() == TaskKind.FOLLOW_UP);
    }

    /** Paper ids as the corpus writes them (PLOS and eLife). */
    static final class PromptIds {
        static List<String> in(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("journal\\.p[a-z]+\\.\\d{7}|elife-?\\d{5}").matcher(text);
            List<String> out = new java.util.ArrayList<>();
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }
    }

    @Test
    void should_build_the_query_from_long_title_words_when_searching() {
        assertThat(SessionGenerator.titleQuery(
                "EGF Signal Propagation during C. elegans Vulval Development Mediated by ROM-1 Rhomboid"))
                // content words >= 4 chars (not "during", a stopword): propagation 11, development 11, mediated 8,
                // rhomboid 8, elegans 7, signal 6, vulval 6, rom-1 5 -> the four longest, in title order
                .isEqualTo("propagation development mediated rhomboid");
    }
}
