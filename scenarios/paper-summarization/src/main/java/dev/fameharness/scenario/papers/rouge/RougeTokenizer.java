package dev.fameharness.scenario.papers.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenizes text the way {@code rouge-score}'s {@code tokenize.py} does: lower-case, every character outside
 * {@code [a-z0-9]} becomes a separator, tokens are the remaining runs; with stemming, tokens longer than three
 * characters go through {@link NltkPorterStemmer}.
 */
public final class RougeTokenizer {

    private static final NltkPorterStemmer STEMMER = new NltkPorterStemmer();

    private RougeTokenizer() {
    }

    public static List<String> tokenize(String text, boolean stem) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = lower.substring(start, i);
                tokens.add(stem && token.length() > 3 ? STEMMER.stem(token) : token);
                start = -1;
            }
        }
        return tokens;
    }
}
