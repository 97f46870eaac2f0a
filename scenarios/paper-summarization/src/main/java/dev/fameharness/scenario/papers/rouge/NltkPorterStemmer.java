package dev.fameharness.scenario.papers.rouge;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer as NLTK's {@code nltk.stem.porter.PorterStemmer()} runs it by default
 * ({@code NLTK_EXTENSIONS} mode), which is what Google's {@code rouge-score} uses with {@code use_stemmer=True}.
 *
 * <p>Why not Lucene's: Lucene's {@code PorterStemFilter} and Snowball's {@code porter} implement Martin Porter's
 * algorithm, which NLTK's default mode departs from: a table of irregular forms ({@code dying -> die},
 * {@code skies -> sky}), {@code dies -> die} and {@code died -> die} (Porter: {@code di}), {@code y -> i} only
 * after a consonant and never for two-letter stems ({@code enjoy} stays, Porter gives {@code enjoi}), words of
 * two letters or fewer left alone, {@code -alli} handled before {@code -bli}, an extra {@code -fulli -> -ful}
 * rule, and a {@code cvc} test that also accepts a two-letter vowel-consonant stem. See
 * {@code NltkPorterStemmerTest} for words where they differ.
 *
 * <p>Input must be lower case ASCII letters and digits, as {@link RougeTokenizer} produces. Stateless and
 * thread-safe.
 */
public final class NltkPorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("skies", "sky"), Map.entry("sky", "sky"), Map.entry("dying", "die"),
            Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"), Map.entry("outings", "outing"),
            Map.entry("outing", "outing"), Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"), Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    /** A suffix rule: replace {@code suffix} by {@code replacement} when {@code condition} holds for the stem. */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    private static final Predicate<String> ALWAYS = stem -> true;
    private static final Predicate<String> POSITIVE_MEASURE = stem -> measure(stem) > 0;
    private static final Predicate<String> MEASURE_ABOVE_1 = stem -> measure(stem) > 1;

    private static final Rule[] STEP1A = {
        new Rule("sses", "ss", ALWAYS), new Rule("ies", "i", ALWAYS), new Rule("ss", "ss", ALWAYS),
        new Rule("s", "", ALWAYS)};
    private static final Rule[] STEP1C = {
        new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1))};
    private static final Rule[] STEP3 = {
        new Rule("icate", "ic", POSITIVE_MEASURE), new Rule("ative", "", POSITIVE_MEASURE),
        new Rule("alize", "al", POSITIVE_MEASURE), new Rule("iciti", "ic", POSITIVE_MEASURE),
        new Rule("ical", "ic", POSITIVE_MEASURE), new Rule("ful", "", POSITIVE_MEASURE),
        new Rule("ness", "", POSITIVE_MEASURE)};
    private static final Rule[] STEP4 = {
        new Rule("al", "", MEASURE_ABOVE_1), new Rule("ance", "", MEASURE_ABOVE_1),
        new Rule("ence", "", MEASURE_ABOVE_1), new Rule("er", "", MEASURE_ABOVE_1),
        new Rule("ic", "", MEASURE_ABOVE_1), new Rule("able", "", MEASURE_ABOVE_1),
        new Rule("ible", "", MEASURE_ABOVE_1), new Rule("ant", "", MEASURE_ABOVE_1),
        new Rule("ement", "", MEASURE_ABOVE_1), new Rule("ment", "", MEASURE_ABOVE_1),
        new Rule("ent", "", MEASURE_ABOVE_1),
        new Rule("ion", "", stem -> measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))),
        new Rule("ou", "", MEASURE_ABOVE_1), new Rule("ism", "", MEASURE_ABOVE_1),
        new Rule("ate", "", MEASURE_ABOVE_1), new Rule("iti", "", MEASURE_ABOVE_1),
        new Rule("ous", "", MEASURE_ABOVE_1), new Rule("ive", "", MEASURE_ABOVE_1),
        new Rule("ize", "", MEASURE_ABOVE_1)};

    /** Stems one lower-case token. */
    public String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return word;
        }
        String stem = step1a(word);
        stem = step1b(stem);
        stem = applyFirst(stem, STEP1C);
        stem = step2(stem);
        stem = applyFirst(stem, STEP3);
        stem = applyFirst(stem, STEP4);
        stem = step5a(stem);
        return step5b(stem);
    }

    /** The first rule whose suffix matches decides; if its condition fails the word is returned unchanged. */
    private static String applyFirst(String word, Rule[] rules) {
        for (Rule rule : rules) {
            if (word.endsWith(rule.suffix())) {
                String stem = word.substring(0, word.length() - rule.suffix().length());
                return rule.condition().test(stem) ? stem + rule.replacement() : word;
            }
        }
        return word;
    }

    private static String step1a(String word) {
        if (word.endsWith("ies") && word.length() == 4) {
            return word.charAt(0) + "ie"; // dies -> die, where Porter gives di
        }
        return applyFirst(word, STEP1A);
    }

    private static String step1b(String word) {
        if (word.endsWith("ied")) {
            return word.substring(0, word.length() - 3) + (word.length() == 4 ? "ie" : "i");
        }
        if (word.endsWith("eed")) {
            String stem = word.substring(0, word.length() - 3);
            return measure(stem) > 0 ? stem + "ee" : word;
        }
        String stem;
        if (word.endsWith("ed") && containsVowel(word.substring(0, word.length() - 2))) {
            stem = word.substring(0, word.length() - 2);
        } else if (word.endsWith("ing") && containsVowel(word.substring(0, word.length() - 3))) {
            stem = word.substring(0, word.length() - 3);
        } else {
            return word;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        if (endsDoubleConsonant(stem)) {
            char last = stem.charAt(stem.length() - 1);
            return last == 'l' || last == 's' || last == 'z' ? stem : stem.substring(0, stem.length() - 1);
        }
        if (measure(stem) == 1 && endsCvc(stem)) {
            return stem + "e";
        }
        return stem;
    }

    private static String step2(String word) {
        if (word.endsWith("alli") && measure(word.substring(0, word.length() - 4)) > 0) {
            return step2(word.substring(0, word.length() - 4) + "al");
        }
        Rule[] rules = {
            new Rule("ational", "ate", POSITIVE_MEASURE), new Rule("tional", "tion", POSITIVE_MEASURE),
            new Rule("enci", "ence", POSITIVE_MEASURE), new Rule("anci", "ance", POSITIVE_MEASURE),
            new Rule("izer", "ize", POSITIVE_MEASURE), new Rule("bli", "ble", POSITIVE_MEASURE),
            new Rule("alli", "al", POSITIVE_MEASURE), new Rule("entli", "ent", POSITIVE_MEASURE),
            new Rule("eli", "e", POSITIVE_MEASURE), new Rule("ousli", "ous", POSITIVE_MEASURE),
            new Rule("ization", "ize", POSITIVE_MEASURE), new Rule("ation", "ate", POSITIVE_MEASURE),
            new Rule("ator", "ate", POSITIVE_MEASURE), new Rule("alism", "al", POSITIVE_MEASURE),
            new Rule("iveness", "ive", POSITIVE_MEASURE), new Rule("fulness", "ful", POSITIVE_MEASURE),
            new Rule("ousness", "ous", POSITIVE_MEASURE), new Rule("aliti", "al", POSITIVE_MEASURE),
            new Rule("iviti", "ive", POSITIVE_MEASURE), new Rule("biliti", "ble", POSITIVE_MEASURE),
            new Rule("fulli", "ful", POSITIVE_MEASURE),
            // the 'l' of 'logi' stays with the stem when measuring, so 'geo', 'theo' behave like 'philo'
            new Rule("logi", "log", stem -> measure(word.substring(0, word.length() - 3)) > 0)};
        return applyFirst(word, rules);
    }

    private static String step5a(String word) {
        if (word.endsWith("e")) {
            String stem = word.substring(0, word.length() - 1);
            int m = measure(stem);
            if (m > 1 || (m == 1 && !endsCvc(stem))) {
                return stem;
            }
        }
        return word;
    }

    private static String step5b(String word) {
        if (word.endsWith("ll") && measure(word.substring(0, word.length() - 1)) > 1) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    static boolean isConsonant(String word, int i) {
        char c = word.charAt(i);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            return false;
        }
        if (c == 'y') {
            return i == 0 || !isConsonant(word, i - 1);
        }
        return true;
    }

    /** Porter's m: the number of vowel-consonant sequences, i.e. occurrences of "vc" in the word's c/v form. */
    static int measure(String stem) {
        int m = 0;
        boolean previousVowel = false;
        for (int i = 0; i < stem.length(); i++) {
            boolean consonant = isConsonant(stem, i);
            if (consonant && previousVowel) {
                m++;
            }
            previousVowel = !consonant;
        }
        return m;
    }

    private static boolean containsVowel(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            if (!isConsonant(stem, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
    }

    private static boolean endsCvc(String word) {
        int n = word.length();
        if (n >= 3) {
            char last = word.charAt(n - 1);
            return isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)
                    && last != 'w' && last != 'x' && last != 'y';
        }
        return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
    }
}
