package dev.fameharness.scenario.logs.sessions;

import dev.fameharness.scenario.logs.corpus.GroundTruth;
import dev.fameharness.scenario.logs.corpus.LogCorpus;
import dev.fameharness.scenario.logs.corpus.LogLine;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import dev.fameharness.scenario.logs.tools.LogQuery;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeded sessions of an engineer investigating incidents. Sessions start as a Poisson process; a session
 * picks its system by Zipf popularity over a seeded ranking (so sessions share systems, and caches and
 * memory matter) and asks a few questions: an overview, a count by level, the most frequent template, the
 * lines in a time window, when a message first appeared; after a count it may follow up implicitly
 * ("Which component logged most of those?", "And in the hour before that?"). Every answer is computed
 * from the system's structured ground truth (Loghub's CSV: its fields, times and events), never from the
 * tools the agent uses. Systems without ground truth are not asked about.
 */
public final class LogSessionGenerator {

    /** One system's facts: its lines as the ground truth splits them, and each line's true event template. */
    record Facts(LogSystem system, List<LogLine> lines, List<String> templates, boolean levels, boolean timed) {
    }

    private static final List<String> MILD = List.of("INFO", "I", "D", "V", "DEBUG", "TRACE", "NOTICE");
    private static final int[] WINDOW_MINUTES = {10, 30, 60};

    private final List<Facts> facts = new ArrayList<>();

    public LogSessionGenerator(LogCorpus corpus) {
        for (LogSystem s : corpus.systems()) {
            s.truth().ifPresent(t -> facts.add(facts(s, t)));
        }
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("no system of " + corpus.folder() + " has ground truth to ask about");
        }
    }

    /** The ground truth's rows as lines: header fields and times from the CSV, templates from its events. */
    static Facts facts(LogSystem s, GroundTruth truth) {
        List<LogLine> lines = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (GroundTruth.Row r : truth.rows()) {
            Map<String, String> fields = new HashMap<>(r.columns());
            fields.remove("LineId");
            fields.remove("EventId");
            fields.remove("EventTemplate");
            Optional<LocalDateTime> time = s.timeLayout().flatMap(l -> l.read(fields));
            lines.add(new LogLine(r.lineId(), r.column("Content"), fields, time));
            templates.add(r.template());
        }
        return new Facts(s, lines, templates, LogQuery.hasLevels(lines), s.timeLayout().isPresent()
                && lines.stream().allMatch(l -> l.time().isPresent()));
    }

    public ScenarioWorkload generate(LogSessionConfig config, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Facts> ranking = new ArrayList<>(facts);
        ranking.sort(Comparator.comparing(f -> f.system().name()));
        Collections.shuffle(ranking, new java.util.Random(rnd.nextLong()));
        double[] weights = new double[ranking.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.pow(i + 1, -config.zipfExponent());
            total += weights[i];
        }
        List<ScenarioTurn> turns = new ArrayList<>();
        double startSeconds = 0;
        for (int s = 0; s < config.sessions(); s++) {
            startSeconds += exponential(rnd, 60.0 / config.arrivalRatePerMinute());
            String sessionId = String.format(Locale.ROOT, "s%03d", s);
            int n = Math.max(1, config.meanTurnsPerSession() + rnd.nextInt(3) - 1);
            Facts system = pick(ranking, weights, total, rnd);
            double at = startSeconds;
            LogTruth previous = null;
            for (int i = 0; i < n; i++) {
                LogTruth truth = null;
                boolean simultaneous = false;
                if (i > 0 && previous != null && !previous.resolved().kind().implicit()
                        && rnd.nextDouble() < config.followUpShare()) {
                    truth = followUp(previous, system);
                }
                if (truth == null) {
                    if (i > 0 && rnd.nextDouble() < config.switchSystemProbability()) {
                        system = pick(ranking, weights, total, rnd);
                    }
                    truth = explicit(system, rnd);
                    simultaneous = i > 0 && rnd.nextDouble() < config.simultaneousProbability();
                }
                if (i > 0 && !simultaneous) {
                    at += exponential(rnd, config.meanThinkTimeSeconds());
                }
                Duration arrival = Duration.ofMillis(Math.round(at * 1000));
                turns.add(new ScenarioTurn(sessionId, String.format(Locale.ROOT, "%s-t%02d", sessionId, i), i, arrival,
                        simultaneous, truth.resolved().kind().task(), truth.asked().render(), truth));
                previous = truth;
            }
        }
        turns.sort(Comparator.comparing(ScenarioTurn::arrival).thenComparing(ScenarioTurn::sessionId)
                .thenComparingInt(ScenarioTurn::index));
        return new ScenarioWorkload(config.name(), seed, turns);
    }

    /** The ground truth of an explicit question about a system that has ground truth. */
    public Optional<LogTruth> truth(LogQuestion q) {
        return facts.stream().filter(f -> f.system().name().equals(q.system())).findFirst()
                .flatMap(f -> LogAnswer.compute(q, f.lines(), f.templates())).map(a -> new LogTruth(q, q, a));
    }

    private static LogTruth followUp(LogTruth previous, Facts f) {
        LogQuestion.Kind kind = switch (previous.resolved().kind()) {
            case LEVEL_COUNT -> LogQuestion.Kind.TOP_COMPONENT;
            case WINDOW_COUNT -> LogQuestion.Kind.WINDOW_BEFORE;
            default -> null;
        };
        if (kind == null || !previous.resolved().system().equals(f.system().name())) {
            return null;
        }
        if (kind == LogQuestion.Kind.TOP_COMPONENT && !LogQuery.hasComponents(f.lines())) {
            return null;
        }
        LogQuestion asked = LogQuestion.implicit(kind);
        LogQuestion resolved = asked.resolve(previous.resolved());
        return LogAnswer.compute(resolved, f.lines(), f.templates()).map(a -> new LogTruth(asked, resolved, a)).orElse(null);
    }

    private static LogTruth explicit(Facts f, SplittableRandom rnd) {
        String system = f.system().name();
        List<LogQuestion.Kind> kinds = new ArrayList<>(List.of(LogQuestion.Kind.OVERVIEW, LogQuestion.Kind.TOP_TEMPLATE,
                LogQuestion.Kind.TOP_TEMPLATE));
        if (f.levels()) {
            kinds.addAll(List.of(LogQuestion.Kind.LEVEL_COUNT, LogQuestion.Kind.LEVEL_COUNT, LogQuestion.Kind.LEVEL_COUNT));
        }
        if (f.timed()) {
            kinds.addAll(List.of(LogQuestion.Kind.WINDOW_COUNT, LogQuestion.Kind.WINDOW_COUNT,
                    LogQuestion.Kind.WINDOW_COUNT, LogQuestion.Kind.FIRST_OCCURRENCE, LogQuestion.Kind.FIRST_OCCURRENCE));
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            LogQuestion q = switch (kinds.get(rnd.nextInt(kinds.size()))) {
                case OVERVIEW -> LogQuestion.overview(system);
                case LEVEL_COUNT -> LogQuestion.levelCount(system, level(f, rnd));
                case TOP_TEMPLATE -> LogQuestion.topTemplate(system, f.levels() && rnd.nextBoolean() ? level(f, rnd) : "");
                case WINDOW_COUNT -> {
                    LogLine l = f.lines().get(rnd.nextInt(f.lines().size()));
                    LocalDateTime since = l.time().get().truncatedTo(ChronoUnit.MINUTES);
                    yield LogQuestion.window(system, since, since.plusMinutes(WINDOW_MINUTES[rnd.nextInt(WINDOW_MINUTES.length)]));
                }
                case FIRST_OCCURRENCE -> phrase(f, rnd).map(p -> LogQuestion.first(system, p)).orElse(null);
                default -> null;
            };
            if (q == null) {
                continue;
            }
            Optional<LogAnswer> a = LogAnswer.compute(q, f.lines(), f.templates());
            if (a.isPresent()) {
                return new LogTruth(q, q, a.get());
            }
        }
        LogQuestion q = LogQuestion.overview(system);
        return new LogTruth(q, q, LogAnswer.compute(q, f.lines(), f.templates()).orElseThrow());
    }

    /** A level of the log, most often one that is not informational (what an incident is about). */
    private static String level(Facts f, SplittableRandom rnd) {
        List<String> levels = new ArrayList<>(LogQuery.levels(f.lines()).keySet());
        List<String> severe = levels.stream().filter(l -> !MILD.contains(l.toUpperCase(Locale.ROOT))).toList();
        List<String> from = !severe.isEmpty() && rnd.nextDouble() < 0.75 ? severe : levels;
        return from.get(rnd.nextInt(from.size()));
    }

    /** The longest literal run of a true template (at least 12 characters), as a user would quote a message. */
    private static Optional<String> phrase(Facts f, SplittableRandom rnd) {
        String template = f.templates().get(rnd.nextInt(f.templates().size()));
        String best = "";
        for (String piece : template.split("<\\*>")) {
            String p = piece.strip();
            if (p.length() > best.length() && !p.contains("\"")) {
                best = p;
            }
        }
        return best.length() >= 12 ? Optional.of(best) : Optional.empty();
    }

    private static Facts pick(List<Facts> ranking, double[] weights, double total, SplittableRandom rnd) {
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u <= 0) {
                return ranking.get(i);
            }
        }
        return ranking.get(ranking.size() - 1);
    }

    private static double exponential(SplittableRandom rnd, double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }
}
