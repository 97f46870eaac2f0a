package dev.fameharness.scenario.papers.rouge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected values come from two places:
 * <ul>
 *   <li>google-research/google-research, {@code rouge/rouge_scorer_test.py} (commit 066e6a12a3817e45919458090102abfc0a09d287),
 *       whose "AgainstRouge155" expectations are manual runs of the official ROUGE-1.5.5 Perl script, on the
 *       first two lines of {@code rouge/testdata/target.txt} and {@code rouge/testdata/prediction.txt}
 *       (commit 10bf941a5a0625bf27bb8443aa849e9b48fdd5f9), reproduced below as test data;</li>
 *   <li>hand-computed cases, arithmetic in the comments.</li>
 * </ul>
 */
class RougeScorerTest {

    private static final double PUBLISHED = 1e-5; // assertAlmostEqual(..., 5) in rouge_scorer_test.py

    // rouge/testdata/target.txt and prediction.txt, lines 1 and 2 (random strings with English suffixes)
    private static final String TARGET_0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY."
            + "rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
    private static final String TARGET_1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion "
            + "BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing "
            + "tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I "
            + "DNxqelhu,PHPxDEq,mtion SN\n";
    private static final String PREDICTION_0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b "
            + ".a-'XdQggyFl jB-RPP'iyOIcUxi\n";
    private static final String PREDICTION_1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m "
            + "qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";

    private final RougeScorer plain = new RougeScorer(false);
    private final RougeScorer stemmed = new RougeScorer(true);

    @Test
    void should_match_rouge_score_testRouge1_when_prediction_is_one_of_three_target_words() {
        RougeScore r1 = plain.score("testing one two", "testing").rouge1();
        assertThat(r1.precision()).isCloseTo(1, within(PUBLISHED));
        assertThat(r1.recall()).isCloseTo(1 / 3.0, within(PUBLISHED));
        assertThat(r1.f1()).isCloseTo(1 / 2.0, within(PUBLISHED));
    }

    @Test
    void should_match_rouge_score_testRouge2_when_prediction_is_a_prefix() {
        RougeScore r2 = plain.score("testing one two", "testing one").rouge2();
        assertThat(r2.precision()).isCloseTo(1, within(PUBLISHED));
        assertThat(r2.recall()).isCloseTo(1 / 2.0, within(PUBLISHED));
        assertThat(r2.f1()).isCloseTo(2 / 3.0, within(PUBLISHED));
    }

    @Test
    void should_match_rouge_score_testRougeL_when_subsequence_is_consecutive_or_not() {
        for (String prediction : List.of("testing one", "testing two")) {
            RougeScore rl = plain.score("testing one two", prediction).rougeL();
            assertThat(rl.precision()).isCloseTo(1, within(PUBLISHED));
            assertThat(rl.recall()).isCloseTo(2 / 3.0, within(PUBLISHED));
            assertThat(rl.f1()).isCloseTo(4 / 5.0, within(PUBLISHED));
        }
    }

    @Test
    void should_score_zero_when_prediction_is_empty_or_only_punctuation() {
        for (String prediction : List.of("", "/ ,;")) {
            RougeScores scores = plain.score("testing one two", prediction);
            assertThat(List.of(scores.rouge1(), scores.rouge2(), scores.rougeL())).containsOnly(RougeScore.ZERO);
        }
    }

    @Test
    void should_match_rouge155_when_scoring_published_test_lines_without_stemming() {
        RougeScores first = plain.score(TARGET_0, PREDICTION_0);
        assertScore(first.rouge1(), 0.68750, 0.40741, 0.51163);
        assertScore(first.rouge2(), 0.53333, 0.30769, 0.39024);
        assertScore(first.rougeL(), 0.68750, 0.40741, 0.51163);
        RougeScores second = plain.score(TARGET_1, PREDICTION_1);
        assertScore(second.rouge1(), 0.65385, 0.40476, 0.50000);
        assertScore(second.rouge2(), 0.48000, 0.29268, 0.36364);
        assertScore(second.rougeL(), 0.65385, 0.40476, 0.50000);
    }

    @Test
    void should_match_rouge155_when_scoring_published_test_lines_with_stemming() {
        RougeScores first = stemmed.score(TARGET_0, PREDICTION_0);
        assertScore(first.rouge1(), 0.68750, 0.40741, 0.51163);
        assertScore(first.rouge2(), 0.53333, 0.30769, 0.39024);
        RougeScores second = stemmed.score(TARGET_1, PREDICTION_1);
        // stemming turns e.g. "xsurkmer"/"xsurkmeo" and "-tion"/"-er" pairs into matches: recall 0.40476 -> 0.42857
        assertScore(second.rouge1(), 0.69231, 0.42857, 0.52941);
        assertScore(second.rouge2(), 0.48000, 0.29268, 0.36364);
    }

    @Test
    void should_count_clipped_overlaps_when_words_repeat() {
        // target     = the cat sat on the mat   (6 tokens, 5 bigrams)
        // prediction = the cat lay on the mat   (6 tokens, 5 bigrams)
        // ROUGE-1: the min(2,2)=2 + cat 1 + on 1 + mat 1 = 5  -> P = R = F = 5/6
        // ROUGE-2: {the cat, on the, the mat} = 3             -> P = R = F = 3/5
        // ROUGE-L: LCS = "the cat on the mat" = 5             -> P = R = F = 5/6
        RougeScores s = plain.score("The cat sat on the mat.", "the cat lay on the mat");
        assertScore(s.rouge1(), 5 / 6.0, 5 / 6.0, 5 / 6.0);
        assertScore(s.rouge2(), 3 / 5.0, 3 / 5.0, 3 / 5.0);
        assertScore(s.rougeL(), 5 / 6.0, 5 / 6.0, 5 / 6.0);
    }

    @Test
    void should_clip_to_the_target_count_when_prediction_repeats_a_word() {
        // target = a b (2), prediction = a a a a (4): overlap min(1,4) = 1 -> P = 1/4, R = 1/2, F = 2*(1/8)/(3/4) = 1/3
        RougeScore r1 = plain.score("a b", "a a a a").rouge1();
        assertScore(r1, 1 / 4.0, 1 / 2.0, 1 / 3.0);
    }

    @Test
    void should_match_inflected_forms_only_when_stemming() {
        // target tokens: running dogs were barking; prediction: the dog runs and barks
        // unstemmed overlap = 0.
        // stemmed (tokens > 3 chars): running->run, dogs->dog, were->were, barking->bark;
        //   the, dog, and stay (3 chars); runs->run, barks->bark
        // overlap {run, dog, bark} = 3 -> P = 3/5, R = 3/4, F = 2*0.45/1.35 = 2/3
        String target = "Running dogs were barking";
        String prediction = "the dog runs and barks";
        assertScore(plain.score(target, prediction).rouge1(), 0, 0, 0);
        RougeScores s = stemmed.score(target, prediction);
        assertThat(s.stemmed()).isTrue();
        assertScore(s.rouge1(), 3 / 5.0, 3 / 4.0, 2 / 3.0);
        // ROUGE-L stemmed: target run dog were bark, prediction the dog run and bark -> LCS {dog, bark} = 2
        assertScore(s.rougeL(), 2 / 5.0, 2 / 4.0, 2 * 0.4 * 0.5 / 0.9);
    }

    @Test
    void should_tokenize_like_rouge_score_when_text_has_case_punctuation_and_non_ascii() {
        // tokenize_test.py: 'one Two three' and 'one\n Two \nthree' -> [one, two, three]
        assertThat(RougeTokenizer.tokenize("one Two three", false)).containsExactly("one", "two", "three");
        assertThat(RougeTokenizer.tokenize("one\n Two \nthree", false)).containsExactly("one", "two", "three");
        // non [a-z0-9] separates: "CO2-rich" -> co2 rich; "naïve" -> na ve
        assertThat(RougeTokenizer.tokenize("CO2-rich naïve", false)).containsExactly("co2", "rich", "na", "ve");
    }

    private static void assertScore(RougeScore score, double precision, double recall, double f1) {
        assertThat(score.precision()).as("precision").isCloseTo(precision, within(PUBLISHED));
        assertThat(score.recall()).as("recall").isCloseTo(recall, within(PUBLISHED));
        assertThat(score.f1()).as("f1").isCloseTo(f1, within(PUBLISHED));
    }
}
