package dev.fameharness.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A real extractive summarizer over text the model can see: the simulated model's answers are sentences of
 * its prompt, chosen by content, so their quality (ROUGE against the author abstract) depends on what the
 * architecture managed to put into the prompt.
 *
 * <p>Method: split into sentences (abbreviations such as "e.g.", "et al.", "Fig.", initials and decimals do not
 * end a sentence; blank lines do); reduce each sentence to content terms (lower case, a small English stop-word
 * list, plural "s" stripped); weight terms by TF-IDF with sentences as documents; score each sentence by the
 * cosine of its vector with the document centroid (TF-IDF centrality) with a mild lead bias; pick sentences
 * greedily by score (ties by position), skipping near-duplicates of already picked ones and those that would
 * exceed the budget; return them in document order. {@link #answer} scores by IDF-weighted overlap with the
 * question instead. Deterministic and stateless.
 */
public final class ExtractiveSummarizer {

    /** Lead bias: the first sentence's score is multiplied by {@code 1 + LEAD_BIAS}, the last one's by 1. */
    static final double LEAD_BIAS = 0.1;
    /** A candidate this similar (cosine) to a picked sentence is redundant. */
    static final double REDUNDANCY = 0.8;
    /** Sentences with fewer words are headings or fragments and are not picked while longer ones fit. */
    static final int MIN_WORDS = 5;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "al", "etc", "fig", "figs", "eq", "eqs", "ref", "refs", "vs", "cf", "ca", "approx",
            "dr", "mr", "mrs", "ms", "prof", "no", "nos", "vol", "pp", "p", "sec", "tab", "suppl", "resp", "inc",
            "ltd", "jr", "sr", "st", "ed", "eds", "ch", "chap", "dept", "univ", "min", "max", "avg", "est", "viz",
            "incl");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "down", "during", "each", "et", "al", "few", "for", "from",
            "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however",
            "i", "if", "in", "into", "is", "it", "its", "itself", "may", "might", "more", "most", "must", "my", "no",
            "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over",
            "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up",
            "upon", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
            "why", "will", "with", "within", "without", "would", "you", "your", "yet", "using", "used", "use",
            "based", "two", "three", "first", "second", "well", "eg", "ie", "cf", "fig", "figure", "table",
            "show", "shown", "shows", "paper", "study", "summarize", "summarise", "summary", "tell", "explain",
            "describe", "give", "please");

    private final O200kTokenizer tokenizer;

    public ExtractiveSummarizer() {
        this(O200kTokenizer.instance());
    }

    /** @param tokenizer measures {@link Budget#tokens} budgets */
    public ExtractiveSummarizer(O200kTokenizer tokenizer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** A length limit in words (whitespace-separated) or in o200k_base tokens. */
    public record Budget(int limit, Unit unit) {
        public enum Unit { WORDS, TOKENS }

        public Budget {
            Objects.requireNonNull(unit, "unit");
            if (limit < 0) {
                throw new IllegalArgumentException("budget must be >= 0, was " + limit);
            }
        }

        public static Budget words(int limit) {
            return new Budget(limit, Unit.WORDS);
        }

        public static Budget tokens(int limit) {
            return new Budget(limit, Unit.TOKENS);
        }
    }

    /** The most central sentences of {@code text} within {@code budget}, in document order; "" for empty input. */
    public String summarize(String text, Budget budget) {
        return MEMO.get(new Call(null, text, budget), c -> {
            Document doc = new Document(sentences(text));
            return select(doc, doc.centrality(), budget);
        });
    }

    /** One call's inputs: the question ({@code null} for a summary), the text and the budget. */
    private record Call(String question, String text, Budget budget) {
    }

    /**
     * Results of earlier calls. The summarizer is a pure function of its inputs (its tokenizer is the one o200k
     * encoding), and the simulated model calls it on the same texts again and again (the same paper section in
     * every preset, every rerun of a sensitivity level); what the memo holds never changes an answer, only how
     * fast it is found. Weighed by input length, about 24 MB of text at most.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<Call, String> MEMO =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(24L << 20)
                    .weigher((Call c, String v) -> (c.text() == null ? 0 : c.text().length())
                            + (c.question() == null ? 0 : c.question().length()) + v.length()).build();

    /**
     * The sentences of {@code text} most relevant to {@code question} (sum of the IDF of the question's terms
     * each contains; ties by centrality, then position) within {@code budget}, in document order. Falls back to
     * {@link #summarize} when no sentence shares a term with the question.
     */
    public String answer(String question, String text, Budget budget) {
        return MEMO.get(new Call(question == null ? "" : question, text, budget), c -> answerOf(question, text, budget));
    }

    private String answerOf(String question, String text, Budget budget) {
        Document doc = new Document(sentences(text));
        Set<String> q = new HashSet<>(terms(question == null ? "" : question));
        double[] centrality = doc.centrality();
        double[] score = new double[doc.size()];
        boolean any = false;
        for (int i = 0; i < doc.size(); i++) {
            double s = 0;
            for (String term : doc.vectors.get(i).keySet()) {
                if (q.contains(term)) {
                    s += doc.idf(term);
                }
            }
            any |= s > 0;
            // relevance dominates; centrality (< 2) breaks ties between equally relevant sentences
            score[i] = s * 10 + centrality[i];
        }
        return select(doc, any ? score : centrality, budget);
    }

    /** Splits text into sentences (trimmed, single-spaced). */
    public List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.replaceAll("\\s+", " ").trim();
            int start = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c != '.' && c != '!' && c != '?') {
                    continue;
                }
                int end = i + 1;
                while (end < p.length() && isCloser(p.charAt(end))) {
                    end++;
                }
                if (end < p.length() && p.charAt(end) != ' ') {
                    continue; // "3.14", "e.g.," or "U.S.A": no space after
                }
                int next = end + 1;
                if (end < p.length() && (next >= p.length() || !startsSentence(p.charAt(next)))) {
                    continue; // next word in lower case: same sentence
                }
                if (c == '.' && isAbbreviation(p, start, i)) {
                    continue;
                }
                add(out, p.substring(start, end));
                start = end;
                i = end - 1;
            }
            add(out, p.substring(start));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------

    private String select(Document doc, double[] score, Budget budget) {
        if (doc.size() == 0 || budget.limit() == 0) {
            return "";
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
        List<Integer> picked = new ArrayList<>();
        for (boolean allowShort : new boolean[] {false, true}) {
            for (int i : order) {
                if (picked.contains(i) || (!allowShort && words(doc.sentences.get(i)) < MIN_WORDS)) {
                    continue;
                }
                if (redundant(doc, picked, i)) {
                    continue;
                }
                List<Integer> candidate = new ArrayList<>(picked);
                candidate.add(i);
                if (measure(render(doc, candidate), budget) <= budget.limit()) {
                    picked = candidate;
                }
            }
        }
        if (picked.isEmpty()) {
            // nothing fits whole: the best sentence, cut to the budget
            return cut(doc.sentences.get(order.get(0)), budget);
        }
        return render(doc, picked);
    }

    private boolean redundant(Document doc, List<Integer> picked, int i) {
        for (int j : picked) {
            if (cosine(doc.weighted(i), doc.weighted(j)) > REDUNDANCY) {
                return true;
            }
        }
        return false;
    }

    private static String render(Document doc, List<Integer> picked) {
        List<Integer> sorted = new ArrayList<>(picked);
        sorted.sort(null);
        StringBuilder sb = new StringBuilder();
        for (int i : sorted) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(doc.sentences.get(i));
        }
        return sb.toString();
    }

    private int measure(String text, Budget budget) {
        return budget.unit() == Budget.Unit.WORDS ? words(text) : tokenizer.count(text);
    }

    private String cut(String sentence, Budget budget) {
        if (budget.unit() == Budget.Unit.TOKENS) {
            return tokenizer.truncate(sentence, budget.limit());
        }
        String[] w = sentence.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, budget.limit())));
    }

    static int words(String s) {
        String t = s.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '['
                || c == '\u201c' || c == '\'';
    }

    /** True when the word ending at the period at {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviation(String p, int sentenceStart, int dot) {
        int b = dot;
        while (b > sentenceStart && p.charAt(b - 1) != ' ' && p.charAt(b - 1) != '(') {
            b--;
        }
        String word = p.substring(b, dot).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // initials ("J. Smith") and dotted abbreviations ("U.S.", "a.k.a.")
        return (word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(p.charAt(b)))
                || word.matches("(\\p{L}\\.)+\\p{L}");
    }

    /** Content terms of a text: lower case, letters and digits, stop words removed, plural "s" stripped. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.length() < 2 || STOP_WORDS.contains(raw)) {
                continue;
            }
            out.add(stem(raw));
        }
        return out;
    }

    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double o = large.get(e.getKey());
            if (o != null) {
                dot += e.getValue() * o;
            }
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Sentences with their term counts and the collection's document frequencies. */
    private static final class Document {
        final List<String> sentences;
        final List<Map<String, Integer>> vectors = new ArrayList<>();
        final Map<String, Integer> df = new HashMap<>();
        private final Map<Integer, Map<String, Double>> weighted = new HashMap<>();

        Document(List<String> sentences) {
            this.sentences = sentences;
            for (String s : sentences) {
                Map<String, Integer> tf = new LinkedHashMap<>();
                for (String t : terms(s)) {
                    tf.merge(t, 1, Integer::sum);
                }
                vectors.add(tf);
                for (String t : tf.keySet()) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }

        int size() {
            return sentences.size();
        }

        /** Smoothed IDF: ln(1 + N / df). */
        double idf(String term) {
            return Math.log(1.0 + (double) size() / df.getOrDefault(term, 1));
        }

        Map<String, Double> weighted(int i) {
            return weighted.computeIfAbsent(i, k -> {
                Map<String, Double> w = new LinkedHashMap<>();
                vectors.get(k).forEach((t, n) -> w.put(t, n * idf(t)));
                return w;
            });
        }

        /** Cosine of each sentence with the centroid of all sentences, times the lead bias. */
        double[] centrality() {
            Map<String, Double> centroid = new HashMap<>();
            for (int i = 0; i < size(); i++) {
                weighted(i).forEach((t, w) -> centroid.merge(t, w, Double::sum));
            }
            double[] score = new double[size()];
            for (int i = 0; i < size(); i++) {
                double lead = 1 + LEAD_BIAS * (size() == 1 ? 1 : 1 - (double) i / (size() - 1));
                score[i] = cosine(weighted(i), centroid) * lead;
            }
            return score;
        }
    }
}
