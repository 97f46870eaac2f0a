package dev.fameharness.scenario.papers.rouge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ROUGE-N and ROUGE-L exactly as Google's {@code rouge-score} package computes them
 * ({@code rouge_scorer.py}, {@code tokenize.py} in google-research/google-research, {@code rouge/}), which in
 * turn reproduces ROUGE-1.5.5 ({@code -n 2}, and {@code -m} with stemming):
 * <ul>
 *   <li>tokens: see {@link RougeTokenizer};</li>
 *   <li>ROUGE-N: clipped n-gram overlap; precision = overlap / prediction n-grams, recall = overlap / target
 *       n-grams (each denominator at least 1);</li>
 *   <li>ROUGE-L: the longest common subsequence of the two whole token sequences (sentence-level
 *       {@code rougeL}, not {@code rougeLsum}); precision = LCS / prediction tokens, recall = LCS / target
 *       tokens, 0 when either is empty;</li>
 *   <li>F1 = 2PR / (P + R), 0 when P + R = 0.</li>
 * </ul>
 * Thread-safe.
 */
public final class RougeScorer {

    private final boolean stem;

    /** @param stem apply the NLTK Porter stemmer to tokens longer than 3 characters ({@code use_stemmer=True}) */
    public RougeScorer(boolean stem) {
        this.stem = stem;
    }

    public boolean stems() {
        return stem;
    }

    /** Scores {@code prediction} (the generated summary) against {@code target} (the reference). */
    public RougeScores score(String target, String prediction) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prediction, "prediction");
        List<String> t = RougeTokenizer.tokenize(target, stem);
        List<String> p = RougeTokenizer.tokenize(prediction, stem);
        return new RougeScores(rougeN(t, p, 1), rougeN(t, p, 2), rougeL(t, p), stem);
    }

    /** ROUGE-N over already tokenized texts. */
    public static RougeScore rougeN(List<String> target, List<String> prediction, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("ROUGE-N needs n >= 1, was " + n);
        }
        Map<String, Integer> targetGrams = ngrams(target, n);
        Map<String, Integer> predictionGrams = ngrams(prediction, n);
        long overlap = 0;
        for (Map.Entry<String, Integer> gram : targetGrams.entrySet()) {
            overlap += Math.min(gram.getValue(), predictionGrams.getOrDefault(gram.getKey(), 0));
        }
        long targetCount = Math.max(0, target.size() - n + 1);
        long predictionCount = Math.max(0, prediction.size() - n + 1);
        return RougeScore.of(overlap, predictionCount, targetCount);
    }

    /** Sentence-level ROUGE-L over already tokenized texts. */
    public static RougeScore rougeL(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return RougeScore.ZERO;
        }
        return RougeScore.of(lcsLength(target, prediction), prediction.size(), target.size());
    }

    /** Length of the longest common subsequence; two rows of the DP table, O(|a|·|b|) time. */
    static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            String ai = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                current[j] = ai.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            String gram = n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n));
            counts.merge(gram, 1, Integer::sum);
        }
        return counts;
    }
}
