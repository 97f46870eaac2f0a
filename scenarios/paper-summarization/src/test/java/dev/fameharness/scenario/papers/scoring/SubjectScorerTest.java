package dev.fameharness.scenario.papers.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.corpus.Paper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubjectScorerTest {

    private static Corpus corpus;
    private static SubjectScorer scorer;
    private static final ExtractiveSummarizer SUMMARIZER = new ExtractiveSummarizer();

    @BeforeAll
    static void load() {
        corpus = JatsCorpusLoader.loadDefault();
        scorer = new SubjectScorer(corpus);
    }

    private static String summary(Paper p) {
        return SUMMARIZER.summarize(p.fullText(), ExtractiveSummarizer.Budget.words(150));
    }

    @Test
    void should_find_the_summarized_paper_first_for_most_papers_of_the_corpus() {
        List<Paper> papers = corpus.papers().subList(0, 12);
        long right = papers.stream().filter(p -> scorer.correct(summary(p), List.of(p.id()))).count();

        assertThat(right).as("summaries attributed to their own paper").isGreaterThanOrEqualTo(11);
    }

    @Test
    void should_score_an_answer_about_another_paper_as_wrong() {
        Paper a = corpus.papers().get(0);
        Paper b = corpus.papers().get(1);

        assertThat(scorer.correct(summary(b), List.of(a.id()))).isFalse();
        assertThat(scorer.correct("", List.of(a.id()))).isFalse();
    }

    @Test
    void should_need_both_papers_in_a_comparison() {
        Paper a = corpus.papers().get(2);
        Paper b = corpus.papers().get(3);
        String both = summary(a) + "\n\n" + summary(b);

        assertThat(scorer.correct(both, List.of(a.id(), b.id()))).isTrue();
        assertThat(scorer.correct(summary(a), List.of(a.id(), b.id()))).isFalse();
    }
}
