package dev.fameharness.scenario.papers.spi;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.llm.SimulatedBehavior;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.library.PaperLibrary;
import dev.fameharness.scenario.papers.library.PaperTools;
import dev.fameharness.scenario.papers.policy.PaperSummarizationBehavior;
import dev.fameharness.scenario.papers.rouge.RougeScorer;
import dev.fameharness.scenario.papers.rouge.RougeScores;
import dev.fameharness.scenario.papers.sessions.SessionConfig;
import dev.fameharness.scenario.papers.sessions.SessionGenerator;
import dev.fameharness.scenario.papers.sessions.Turn;
import dev.fameharness.scenario.papers.sessions.Workload;
import dev.fameharness.scenario.papers.sessions.WorkloadSizes;
import dev.fameharness.scenario.papers.tools.PaperToolServer;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.scenario.spi.TurnScore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper-summarization workload behind the scenario SPI: an adapter over the corpus, library, paper tool
 * server, session generator, policy and ROUGE of this module. A {@link ScenarioTurn}'s truth is the generated
 * {@link Turn}; an answer scores ROUGE (stemmed F1, averaged over the turn's reference abstracts), and no
 * correctness verdict yet.
 */
public final class PaperSummarizationScenario implements Scenario {

    /** Keys of {@link SessionConfig} a workload's shape may override. */
    public static final List<String> SHAPE_KEYS = List.of("sessions", "meanTurnsPerSession", "arrivalRatePerMinute",
            "meanThinkTimeSeconds", "simultaneousProbability", "zipfExponent");

    private final Corpus corpus;
    private final PaperLibrary library;
    private final ToolServerSpec toolServer;
    private final RougeScorer rouge = new RougeScorer(true);

    private PaperSummarizationScenario(Corpus corpus) {
        this.corpus = corpus;
        this.library = new PaperLibrary(corpus);
        this.toolServer = PaperToolServer.spec(new PaperTools(library));
    }

    /** Loads and verifies the corpus (the named folder or the located default). */
    public static PaperSummarizationScenario open(ScenarioOptions options) {
        if (!options.settingsOverrides().isEmpty()) {
            throw new ConfigException("scenario " + PaperSummarizationProvider.NAME + " has no settings to override; "
                    + "got " + options.settingsOverrides().keySet());
        }
        return new PaperSummarizationScenario(options.dataFolder().map(JatsCorpusLoader::load)
                .orElseGet(JatsCorpusLoader::loadDefault));
    }

    /** The loaded corpus (tests build workloads from particular papers). */
    public Corpus corpus() {
        return corpus;
    }

    @Override
    public String name() {
        return PaperSummarizationProvider.NAME;
    }

    @Override
    public List<String> sizes() {
        return List.copyOf(WorkloadSizes.all().keySet());
    }

    @Override
    public ScenarioWorkload workload(String size, long seed) {
        return adapt(new SessionGenerator(corpus).generate(WorkloadSizes.named(size), seed));
    }

    @Override
    public ScenarioWorkload workload(String size, long seed, Map<String, Object> shapeOverrides) {
        SessionConfig c = WorkloadSizes.named(size);
        for (String key : shapeOverrides.keySet()) {
            if (!SHAPE_KEYS.contains(key)) {
                throw new ConfigException("workload shape key '" + key + "' is unknown; accepted: " + SHAPE_KEYS);
            }
        }
        SessionConfig shaped = new SessionConfig(c.name(),
                (int) number(shapeOverrides, "sessions", c.sessions()),
                (int) number(shapeOverrides, "meanTurnsPerSession", c.meanTurnsPerSession()),
                number(shapeOverrides, "arrivalRatePerMinute", c.arrivalRatePerMinute()),
                Duration.ofMillis(Math.round(1000 * number(shapeOverrides, "meanThinkTimeSeconds",
                        c.meanThinkTime().toMillis() / 1000.0))),
                number(shapeOverrides, "simultaneousProbability", c.simultaneousProbability()),
                number(shapeOverrides, "zipfExponent", c.zipfExponent()));
        return adapt(new SessionGenerator(corpus).generate(shaped, seed));
    }

    /** The harness's view of a generated workload; each turn's truth is the {@link Turn} itself. */
    public static ScenarioWorkload adapt(Workload workload) {
        return new ScenarioWorkload(workload.config().name(), workload.seed(),
                workload.turns().stream().map(PaperSummarizationScenario::adapt).toList());
    }

    /** One turn as the harness sees it. */
    public static ScenarioTurn adapt(Turn t) {
        return new ScenarioTurn(t.sessionId(), t.turnId(), t.index(), t.arrival(), t.simultaneous(),
                t.kind().name().toLowerCase(Locale.ROOT), t.request(), t);
    }

    @Override
    public List<ToolServerSpec> toolServers() {
        return List.of(toolServer);
    }

    @Override
    public SimulatedBehavior behavior() {
        return new PaperSummarizationBehavior(new ExtractiveSummarizer());
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public TurnScore score(ScenarioTurn turn, String answer) {
        if (!(turn.truth() instanceof Turn t)) {
            throw new IllegalArgumentException("turn " + turn.turnId() + " was not generated by this scenario");
        }
        double r1 = 0;
        double r2 = 0;
        double rl = 0;
        for (String id : t.referencePaperIds()) {
            RougeScores s = rouge.score(corpus.paper(id).orElseThrow().primaryReference(), answer);
            r1 += s.rouge1().f1();
            r2 += s.rouge2().f1();
            rl += s.rougeL().f1();
        }
        int n = t.referencePaperIds().size();
        return new TurnScore(TurnScore.NOT_SCORED, r1 / n, r2 / n, rl / n);
    }

    @Override
    public void close() {
        library.close();
    }

    private static double number(Map<String, Object> overrides, String key, double fallback) {
        Object v = overrides.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new ConfigException("workload shape key '" + key + "' must be a number, was '" + v + "'");
        }
    }
}
