package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.llm.ExtractiveSummarizer.Budget;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final O200kTokenizer tokenizer = O200kTokenizer.instance();

    private static final String CENTRAL =
            "Serverless agent workflows store agent state in a key-value store and large artifacts in object storage.";
    private static final String TEXT = String.join(" ",
            "The weather in the city was unusually warm during the conference week.",
            "Agent state is kept small, while large artifacts travel by reference to object storage.",
            CENTRAL,
            "A key-value store keeps the working state of each agent session close to the functions.",
            "Lunch was served in the main hall and attendees praised the coffee.",
            "Serverless functions read agent state from the key-value store at the start of every step.",
            "Object storage holds paper texts and tool outputs as large artifacts of the workflow.");

    @Test
    void should_split_sentences_without_breaking_at_abbreviations_and_decimals() {
        String text = "Agents are fast, e.g. in Fig. 3 the latency is 1.5 s lower. Smith et al. (2020) disagree. "
                + "J. Doe measured 0.42 ms! Is that right? Yes.\n\nMethods\n\nWe used DynamoDB.";

        assertThat(summarizer.sentences(text)).containsExactly(
                "Agents are fast, e.g. in Fig. 3 the latency is 1.5 s lower.",
                "Smith et al. (2020) disagree.",
                "J. Doe measured 0.42 ms!",
                "Is that right?",
                "Yes.",
                "Methods",
                "We used DynamoDB.");
    }

    @Test
    void should_pick_the_central_sentence_when_budget_allows_one_sentence() {
        // given: the central sentence shares terms with every on-topic sentence
        Budget oneSentence = Budget.words(ExtractiveSummarizer.words(CENTRAL));

        // when
        String summary = summarizer.summarize(TEXT, oneSentence);

        // then
        assertThat(summary).isEqualTo(CENTRAL);
    }

    @Test
    void should_leave_out_off_topic_sentences_and_keep_document_order_when_picking_several() {
        String summary = summarizer.summarize(TEXT, Budget.words(60));

        assertThat(summary).doesNotContain("weather", "Lunch");
        assertThat(summarizer.sentences(summary)).isSortedAccordingTo(
                (a, b) -> Integer.compare(TEXT.indexOf(a), TEXT.indexOf(b)));
    }

    @Test
    void should_respect_word_and_token_budgets_when_text_is_longer() {
        for (int limit : new int[] {5, 20, 37, 50}) {
            assertThat(ExtractiveSummarizer.words(summarizer.summarize(TEXT, Budget.words(limit))))
                    .isLessThanOrEqualTo(limit).isPositive();
            assertThat(tokenizer.count(summarizer.summarize(TEXT, Budget.tokens(limit))))
                    .isLessThanOrEqualTo(limit).isPositive();
        }
        assertThat(summarizer.summarize(TEXT, Budget.words(1000))).hasSizeGreaterThan(TEXT.length() / 2);
    }

    @Test
    void should_return_the_same_summary_when_run_twice() {
        String first = summarizer.summarize(TEXT, Budget.tokens(50));

        assertThat(new ExtractiveSummarizer().summarize(TEXT, Budget.tokens(50))).isEqualTo(first);
    }

    @Test
    void should_break_ties_by_position_when_sentences_score_the_same() {
        String text = "Alpha beta gamma delta epsilon. Alpha beta gamma delta epsilon. Alpha beta gamma delta epsilon.";

        // identical sentences: the first wins, duplicates are redundant
        assertThat(summarizer.summarize(text, Budget.words(100))).isEqualTo("Alpha beta gamma delta epsilon.");
    }

    @Test
    void should_return_empty_when_input_is_empty_or_budget_is_zero() {
        assertThat(summarizer.summarize("", Budget.words(10))).isEmpty();
        assertThat(summarizer.summarize("   \n\n ", Budget.words(10))).isEmpty();
        assertThat(summarizer.summarize(null, Budget.words(10))).isEmpty();
        assertThat(summarizer.summarize(TEXT, Budget.words(0))).isEmpty();
        assertThat(summarizer.answer("anything?", "", Budget.words(10))).isEmpty();
    }

    @Test
    void should_pick_the_sentences_about_the_question_when_answering() {
        String answer = summarizer.answer("What was served for lunch?", TEXT, Budget.words(15));

        assertThat(answer).isEqualTo("Lunch was served in the main hall and attendees praised the coffee.");
    }

    @Test
    void should_prefer_rare_question_terms_when_answering() {
        // "coffee" (rare) beats "agent" (in many sentences)
        String answer = summarizer.answer("agent coffee", TEXT, Budget.words(15));

        assertThat(answer).contains("coffee");
    }

    @Test
    void should_fall_back_to_the_summary_when_no_sentence_matches_the_question() {
        assertThat(summarizer.answer("zebra xylophone", TEXT, Budget.words(30)))
                .isEqualTo(summarizer.summarize(TEXT, Budget.words(30)));
    }
}
