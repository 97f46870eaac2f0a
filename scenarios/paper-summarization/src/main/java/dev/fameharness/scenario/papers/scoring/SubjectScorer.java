package dev.fameharness.scenario.papers.scoring;

import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.rouge.RougeTokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which papers an answer is about, decided from its words, not from ROUGE against the expected paper: every
 * paper of the corpus is scored by the IDF-weighted share of the answer's distinct (stemmed) words that occur in
 * the paper's body, and the answer is about the papers that score highest. Distinctive words (rare across the
 * corpus) decide; words every paper uses weigh nothing. Works for extractive and written answers alike, and on
 * any corpus (nothing here is keyed to particular papers).
 *
 * <p>An answer about {@code n} papers is attributed greedily: the best paper, then the best paper for the words
 * the first one does not explain, and so on ({@link #subjects}). It is {@linkplain #correct correct} when those
 * {@code n} papers are the expected ones: a summary of the wrong paper, or a comparison that covers one of its
 * two papers, is wrong.
 */
public final class SubjectScorer {

    private final List<String> ids = new ArrayList<>();
    private final List<Set<String>> vocabularies = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    public SubjectScorer(Corpus corpus) {
        Map<String, Integer> df = new HashMap<>();
        for (Paper p : corpus.papers()) {
            Set<String> vocabulary = new HashSet<>(RougeTokenizer.tokenize(p.fullText(), true));
            ids.add(p.id());
            vocabularies.add(vocabulary);
            for (String w : vocabulary) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = corpus.papers().size();
        df.forEach((w, d) -> idf.put(w, Math.log((double) n / d)));
    }

    /** Paper ids ordered by how much of the answer's distinctive vocabulary they hold, best first. */
    public List<String> ranking(String answer) {
        return ranking(new HashSet<>(RougeTokenizer.tokenize(answer, true)));
    }

    /**
     * The {@code n} papers the answer is about: the best paper for its words, then the best paper for the words
     * the chosen ones do not explain, {@code n} times.
     */
    public List<String> subjects(String answer, int n) {
        Set<String> words = new HashSet<>(RougeTokenizer.tokenize(answer, true));
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < n && k < ids.size(); k++) {
            String best = ranking(words).stream().filter(id -> !chosen.contains(id)).findFirst().orElseThrow();
            chosen.add(best);
            words.removeAll(vocabularies.get(ids.indexOf(best)));
        }
        return chosen;
    }

    private List<String> ranking(Set<String> words) {
        double total = 0;
        for (String w : words) {
            total += idf.getOrDefault(w, 0.0);
        }
        double[] scores = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            double s = 0;
            for (String w : words) {
                if (vocabularies.get(i).contains(w)) {
                    s += idf.getOrDefault(w, 0.0);
                }
            }
            scores[i] = total == 0 ? 0 : s / total;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(ids::get));
        return order.stream().map(ids::get).toList();
    }

    /** True when the answer's {@link #subjects} are exactly the expected papers. */
    public boolean correct(String answer, List<String> expected) {
        if (answer.isBlank()) {
            return false;
        }
        return new HashSet<>(subjects(answer, expected.size())).equals(new HashSet<>(expected));
    }
}
