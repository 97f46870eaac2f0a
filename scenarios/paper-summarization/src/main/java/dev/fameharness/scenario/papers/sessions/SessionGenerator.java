package dev.fameharness.scenario.papers.sessions;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.time.Seeds;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.corpus.Section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates seeded multi-turn user sessions over a corpus. Same corpus, config and seed give the same turns:
 * every random draw comes from a {@link SplittableRandom} seeded through {@link Seeds#derive} (one stream for
 * popularity, one for arrivals, one per session), and papers are ordered by id before anything is drawn.
 *
 * <ul>
 *   <li>Popularity: a seeded permutation of the papers is ranked, and rank r (from 1) is drawn with weight
 *       r^-s (Zipf, s = {@link SessionConfig#zipfExponent()}), so sessions overlap on popular papers.</li>
 *   <li>Lengths: 1 plus a geometric number of further turns (mean {@link SessionConfig#meanTurnsPerSession()},
 *       capped at four times it): most sessions are short, a few run long.</li>
 *   <li>Arrivals: sessions start as a Poisson process (exponential gaps, rate
 *       {@link SessionConfig#arrivalRatePerMinute()}); each later turn arrives an exponential think time
 *       (mean {@link SessionConfig#meanThinkTime()}) after the previous turn's arrival (open loop), or at the
 *       same instant with probability {@link SessionConfig#simultaneousProbability()}.</li>
 *   <li>Kinds: a turn after the first that does not arrive together with its predecessor is a follow-up with
 *       probability {@link SessionConfig#followUpShare()}; of those, a share {@link SessionConfig#implicitShare()}
 *       name nothing ({@link TaskKind#IMPLICIT_FOLLOW_UP}: about the previous turn, or the previous turn against
 *       the session's first paper, or "make your last answer shorter"), the rest name their paper
 *       ({@link TaskKind#FOLLOW_UP}). Every other turn is summarize paper, summarize section, compare or
 *       search-then-summarize with weights 30:20:15:15.</li>
 * </ul>
 */
public final class SessionGenerator {

    /** Draw weights of the kinds that start a topic, in {@link TaskKind} order (follow-ups are drawn apart). */
    static final double[] KIND_WEIGHTS = {0.30, 0.20, 0.15, 0, 0.15, 0};
    /** Implicit questions about the previous turn's paper; a model must know what "they" and "it" are. */
    static final String[] IMPLICIT_QUESTIONS = {
        "What methods did they use?",
        "What are the main limitations of that study?",
        "What data or organisms is it based on?",
        "What is its single most important result, with the numbers that support it?",
        "How do the authors interpret their findings, and what do they propose next?"};
    static final String COMPARE_FIRST_REQUEST = "How do its methods differ from those of the first paper we discussed?";
    static final String SHORTER_REQUEST = "Make your last answer shorter.";
    /** Sections shorter than this many words are not asked for in {@link TaskKind#SUMMARIZE_SECTION}. */
    static final int MIN_SECTION_WORDS = 150;

    private static final Set<String> STOPWORDS = Set.of("about", "after", "among", "and", "are", "between", "but",
            "by", "does", "during", "for", "from", "how", "in", "into", "is", "its", "not", "of", "on", "or", "over",
            "the", "their", "through", "to", "under", "using", "via", "what", "when", "where", "which", "with",
            "within", "without");
    private static final String[] FOLLOW_UPS = {
        "What methods did the authors use in %s?",
        "What are the main limitations of the study in %s?",
        "What data or organisms is %s based on?",
        "What is the single most important result of %s, with the numbers that support it?",
        "How do the authors of %s interpret their findings, and what do they propose next?"};

    private final List<Paper> papers;

    public SessionGenerator(Corpus corpus) {
        List<Paper> sorted = new ArrayList<>(corpus.papers());
        sorted.sort(Comparator.comparing(Paper::id));
        if (sorted.size() < 2) {
            throw new ConfigException("the session generator needs at least 2 papers (comparisons), corpus "
                    + corpus.folder() + " has " + sorted.size());
        }
        this.papers = List.copyOf(sorted);
    }

    public Workload generate(SessionConfig config, long seed) {
        Popularity popularity = new Popularity(papers.size(), config.zipfExponent(),
                new SplittableRandom(Seeds.derive(seed, "papers", "popularity")));
        SplittableRandom arrivals = new SplittableRandom(Seeds.derive(seed, "papers", "arrivals"));
        int width = Math.max(3, String.valueOf(config.sessions()).length());
        List<Turn> turns = new ArrayList<>();
        double startSeconds = 0;
        for (int s = 0; s < config.sessions(); s++) {
            if (s > 0) {
                startSeconds += exponential(arrivals, 60.0 / config.arrivalRatePerMinute());
            }
            String sessionId = String.format(Locale.ROOT, "s%0" + width + "d", s);
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "papers", "session", sessionId));
            turns.addAll(session(sessionId, startSeconds, config, popularity, random));
        }
        turns.sort(Comparator.comparing(Turn::arrival).thenComparing(Turn::sessionId)
                .thenComparingInt(Turn::index));
        return new Workload(config, seed, turns);
    }

    private List<Turn> session(String sessionId, double startSeconds, SessionConfig config, Popularity popularity,
                               SplittableRandom random) {
        int count = turnCount(config.meanTurnsPerSession(), random);
        double meanThink = config.meanThinkTime().toNanos() / 1e9;
        List<Turn> turns = new ArrayList<>(count);
        List<Paper> summarized = new ArrayList<>(); // papers of turns that arrived strictly earlier
        List<Paper> pending = new ArrayList<>();     // papers of turns at the current instant
        double at = startSeconds;
        for (int i = 0; i < count; i++) {
            boolean simultaneous = i > 0 && random.nextDouble() < config.simultaneousProbability();
            if (i > 0 && !simultaneous) {
                at += exponential(random, meanThink);
                summarized.addAll(pending);
                pending.clear();
            }
            String turnId = sessionId + String.format(Locale.ROOT, "-t%02d", i);
            Duration arrival = Duration.ofNanos(Math.round(at * 1e6) * 1_000);
            boolean followUp = !simultaneous && !summarized.isEmpty() && random.nextDouble() < config.followUpShare();
            Turn turn;
            if (followUp && random.nextDouble() < config.implicitShare()) {
                turn = implicit(sessionId, turnId, i, arrival, turns, random);
            } else {
                TaskKind kind = followUp ? TaskKind.FOLLOW_UP : drawKind(random);
                turn = turn(sessionId, turnId, i, arrival, simultaneous, kind, popularity, random, summarized);
            }
            turns.add(turn);
            for (String id : turn.paperIds()) {
                pending.add(paper(id));
            }
        }
        return turns;
    }

    /**
     * A follow-up that names nothing. It refers to the previous turn (a question about its paper, or "make your
     * last answer shorter"), or sets the previous turn's paper against the first paper of the session. After a
     * turn about two papers only "shorter" is unambiguous.
     */
    private static Turn implicit(String sessionId, String turnId, int index, Duration arrival, List<Turn> earlier,
                                 SplittableRandom random) {
        Turn previous = earlier.get(earlier.size() - 1);
        String first = earlier.get(0).paperIds().get(0);
        boolean single = previous.paperIds().size() == 1;
        double u = random.nextDouble();
        if (single && u < 0.5) {
            String request = IMPLICIT_QUESTIONS[random.nextInt(IMPLICIT_QUESTIONS.length)];
            return new Turn(sessionId, turnId, index, arrival, false, TaskKind.IMPLICIT_FOLLOW_UP,
                    previous.paperIds(), Optional.empty(), Optional.empty(), request, previous.paperIds(),
                    Turn.QUESTION);
        }
        if (single && u < 0.75 && !first.equals(previous.paperIds().get(0))) {
            List<String> ids = List.of(previous.paperIds().get(0), first);
            return new Turn(sessionId, turnId, index, arrival, false, TaskKind.IMPLICIT_FOLLOW_UP, ids,
                    Optional.empty(), Optional.empty(), COMPARE_FIRST_REQUEST, ids, Turn.COMPARE_FIRST);
        }
        return new Turn(sessionId, turnId, index, arrival, false, TaskKind.IMPLICIT_FOLLOW_UP, previous.paperIds(),
                Optional.empty(), Optional.empty(), SHORTER_REQUEST, previous.referencePaperIds(), Turn.SHORTER);
    }

    private Turn turn(String sessionId, String turnId, int index, Duration arrival, boolean simultaneous,
                      TaskKind kind, Popularity popularity, SplittableRandom random, List<Paper> summarized) {
        switch (kind) {
            case SUMMARIZE_SECTION -> {
                Paper paper = papers.get(popularity.draw(random));
                List<Section> long_ = paper.sections().stream()
                        .filter(s -> s.wordCount() >= MIN_SECTION_WORDS).toList();
                if (!long_.isEmpty()) {
                    Section section = long_.get(random.nextInt(long_.size()));
                    String request = String.format(Locale.ROOT, "Summarize the section \"%s\" of paper %s (\"%s\").",
                            section.title(), paper.id(), paper.title());
                    return new Turn(sessionId, turnId, index, arrival, simultaneous, kind, List.of(paper.id()),
                            Optional.of(section.title()), Optional.empty(), request, List.of(paper.id()));
                }
                return summarize(sessionId, turnId, index, arrival, simultaneous, paper);
            }
            case COMPARE_PAPERS -> {
                int a = popularity.draw(random);
                int b = popularity.draw(random);
                while (b == a) {
                    b = popularity.draw(random);
                }
                Paper first = papers.get(a);
                Paper second = papers.get(b);
                String request = String.format(Locale.ROOT, "Compare papers %s (\"%s\") and %s (\"%s\"): their "
                        + "questions, methods and main findings.", first.id(), first.title(), second.id(),
                        second.title());
                List<String> ids = List.of(first.id(), second.id());
                return new Turn(sessionId, turnId, index, arrival, simultaneous, kind, ids, Optional.empty(),
                        Optional.empty(), request, ids);
            }
            case FOLLOW_UP -> {
                Paper paper = summarized.get(random.nextInt(summarized.size()));
                String about = String.format(Locale.ROOT, "the paper %s (\"%s\") discussed earlier", paper.id(),
                        paper.title());
                String request = String.format(Locale.ROOT, FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)], about);
                return new Turn(sessionId, turnId, index, arrival, simultaneous, kind, List.of(paper.id()),
                        Optional.empty(), Optional.empty(), request, List.of(paper.id()));
            }
            case SEARCH_THEN_SUMMARIZE -> {
                Paper paper = papers.get(popularity.draw(random));
                String query = titleQuery(paper.title());
                String request = String.format(Locale.ROOT, "Find the paper about %s and summarize it.", query);
                return new Turn(sessionId, turnId, index, arrival, simultaneous, kind, List.of(paper.id()),
                        Optional.empty(), Optional.of(query), request, List.of(paper.id()));
            }
            default -> {
                return summarize(sessionId, turnId, index, arrival, simultaneous, papers.get(popularity.draw(random)));
            }
        }
    }

    private static Turn summarize(String sessionId, String turnId, int index, Duration arrival, boolean simultaneous,
                                  Paper paper) {
        String request = String.format(Locale.ROOT, "Summarize the paper %s (\"%s\").", paper.id(), paper.title());
        return new Turn(sessionId, turnId, index, arrival, simultaneous, TaskKind.SUMMARIZE_PAPER,
                List.of(paper.id()), Optional.empty(), Optional.empty(), request, List.of(paper.id()));
    }

    /**
     * Up to four content words of a title (no stopwords, at least 4 characters), the longest first among equals
     * kept in title order: the words a user remembers and a search engine ranks well.
     */
    static String titleQuery(String title) {
        String[] words = title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
        List<String> content = new ArrayList<>();
        for (String word : words) {
            String w = word.replaceAll("^-+|-+$", "");
            if (w.length() >= 4 && !STOPWORDS.contains(w) && !content.contains(w)) {
                content.add(w);
            }
        }
        if (content.isEmpty()) {
            return title.toLowerCase(Locale.ROOT).trim();
        }
        List<String> chosen = content.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .limit(4).toList();
        return String.join(" ", content.stream().filter(chosen::contains).toList());
    }

    private static TaskKind drawKind(SplittableRandom random) {
        TaskKind[] kinds = TaskKind.values();
        double total = 0;
        for (double w : KIND_WEIGHTS) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int k = 0; k < kinds.length; k++) {
            if (u < KIND_WEIGHTS[k]) {
                return kinds[k];
            }
            u -= KIND_WEIGHTS[k];
        }
        return TaskKind.SUMMARIZE_PAPER;
    }

    private Paper paper(String id) {
        for (Paper p : papers) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalStateException("unknown paper " + id);
    }

    /**
     * A session's length: 1 plus a geometric number of further turns, so the mean is {@code mean} and the tail is
     * long (chat sessions are: most are short, a few run on), capped at four times the mean.
     */
    static int turnCount(int mean, SplittableRandom random) {
        if (mean <= 1) {
            return 1;
        }
        double p = 1.0 / mean; // further turns ~ Geometric(p) on {0, 1, ...} has mean (1 - p) / p = mean - 1
        int further = (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
        return Math.min(4 * mean, 1 + further);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Zipf over a seeded permutation of paper indexes. */
    static final class Popularity {
        private final int[] byRank;
        private final double[] cumulative;

        Popularity(int n, double exponent, SplittableRandom random) {
            byRank = new int[n];
            for (int i = 0; i < n; i++) {
                byRank[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int swap = byRank[i];
                byRank[i] = byRank[j];
                byRank[j] = swap;
            }
            cumulative = new double[n];
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += Math.pow(r + 1, -exponent);
                cumulative[r] = sum;
            }
        }

        /** A paper index, popular ones more often. */
        int draw(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int rank = Arrays.binarySearch(cumulative, u);
            rank = rank >= 0 ? rank : -rank - 1;
            return byRank[Math.min(rank, byRank.length - 1)];
        }
    }
}
