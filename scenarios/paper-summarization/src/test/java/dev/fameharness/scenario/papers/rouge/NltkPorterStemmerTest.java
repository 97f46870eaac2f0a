package dev.fameharness.scenario.papers.rouge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class NltkPorterStemmerTest {

    private final NltkPorterStemmer stemmer = new NltkPorterStemmer();

    @Test
    void should_reproduce_nltk_howto_output_when_stemming_its_plurals() {
        // https://www.nltk.org/howto/stem.html, "Unit tests for the Porter stemmer" (NLTK's own doctest)
        List<String> plurals = List.of("caresses", "flies", "dies", "mules", "denied", "died", "agreed", "owned",
                "humbled", "sized", "meeting", "stating", "siezing", "itemization", "sensational", "traditional",
                "reference", "colonizer", "plotted");
        List<String> expected = List.of("caress", "fli", "die", "mule", "deni", "die", "agre", "own", "humbl",
                "size", "meet", "state", "siez", "item", "sensat", "tradit", "refer", "colon", "plot");
        assertThat(plurals.stream().map(stemmer::stem).toList()).isEqualTo(expected);
    }

    @Test
    void should_apply_nltk_extensions_when_word_is_irregular_or_short() {
        Map<String, String> cases = Map.of(
                "dying", "die", "skies", "sky", "news", "news", "proceed", "proceed", // irregular-forms table
                "enjoy", "enjoy", // y -> i only after a consonant
                "happy", "happi",
                "generously", "gener", // -ousli -> -ous, then step 4 -ous
                "geology", "geolog", // logi -> log keeps the l with the stem
                "as", "as"); // two letters: untouched
        cases.forEach((word, stem) -> assertThat(stemmer.stem(word)).as(word).isEqualTo(stem));
    }

    @Test
    void should_differ_from_lucene_snowball_porter_when_nltk_extensions_apply() {
        // Documents why this class exists: Lucene's Porter (Snowball "porter", Martin Porter's algorithm) does not
        // reproduce rouge-score's stems. Words chosen where NLTK_EXTENSIONS departs from it.
        org.tartarus.snowball.ext.PorterStemmer lucene = new org.tartarus.snowball.ext.PorterStemmer();
        Map<String, String> differences = new TreeMap<>();
        for (String word : List.of("dies", "died", "dying", "enjoy", "skies", "running", "barking")) {
            lucene.setCurrent(word);
            lucene.stem();
            String theirs = lucene.getCurrent();
            if (!theirs.equals(stemmer.stem(word))) {
                differences.put(word, theirs + " (lucene) vs " + stemmer.stem(word) + " (nltk)");
            }
        }
        assertThat(differences).containsOnlyKeys("dies", "died", "dying", "enjoy", "skies");
    }
}
