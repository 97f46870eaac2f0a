package dev.fameharness.runner.engine;

import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.llm.SimulatedChatModel;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.library.PaperLibrary;
import dev.fameharness.scenario.papers.library.PaperTools;
import dev.fameharness.scenario.papers.policy.PaperSummarizationBehavior;
import dev.fameharness.scenario.papers.sessions.SessionConfig;
import dev.fameharness.scenario.papers.sessions.SessionGenerator;
import dev.fameharness.scenario.papers.sessions.Workload;
import dev.fameharness.scenario.papers.sessions.WorkloadSizes;
import dev.fameharness.scenario.papers.tools.PaperToolServer;
import dev.langchain4j.model.chat.ChatModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The paper-summarization workload on a set of presets: loads and verifies the corpus, builds the paper
 * library and its MCP tool server, starts the real servers once, and runs every preset on the identical
 * seeded sessions (so turns pair across presets).
 */
public final class Harness implements AutoCloseable {

    private final Corpus corpus;
    private final PaperLibrary library;
    private final ToolServerSpec toolServer;
    private final Servers servers;
    private final CalibrationProfile profile;
    private final Function<RunPlatform, ChatModel> models;

    public Harness(Optional<Path> corpusFolder, Map<String, URI> endpoints, CalibrationProfile profile,
                   Function<RunPlatform, ChatModel> models) {
        this(corpusFolder, endpoints, profile, models, false);
    }

    /** @param resume whether stores may start on an earlier run's state (see {@link Servers#Servers(Map, boolean)}) */
    public Harness(Optional<Path> corpusFolder, Map<String, URI> endpoints, CalibrationProfile profile,
                   Function<RunPlatform, ChatModel> models, boolean resume) {
        this.corpus = corpusFolder.map(JatsCorpusLoader::load).orElseGet(JatsCorpusLoader::loadDefault);
        this.library = new PaperLibrary(corpus);
        this.toolServer = PaperToolServer.spec(new PaperTools(library));
        this.servers = new Servers(endpoints, resume);
        this.profile = profile;
        this.models = models;
    }

    /** The default: the deterministic simulated GPT-4o-mini with the scenario's policy. */
    public static Function<RunPlatform, ChatModel> simulatedModel() {
        return p -> SimulatedChatModel.builder().clock(p.clock()).latency(p.latency()).events(p.sink())
                .behavior(new PaperSummarizationBehavior(new ExtractiveSummarizer())).build();
    }

    public Corpus corpus() {
        return corpus;
    }

    public Servers servers() {
        return servers;
    }

    public Workload workload(String size, long seed) {
        SessionConfig config = WorkloadSizes.named(size);
        return new SessionGenerator(corpus).generate(config, seed);
    }

    public Workload workload(SessionConfig config, long seed) {
        return new SessionGenerator(corpus).generate(config, seed);
    }

    public PresetRun run(Preset preset, Workload workload, PresetRunner.Options options, Consumer<TurnRecord> progress) {
        return new PresetRunner(corpus, toolServer, servers, profile, models).run(preset, workload, options, progress);
    }

    public List<PresetRun> runAll(List<Preset> presets, Workload workload, PresetRunner.Options options,
                                  Consumer<TurnRecord> progress) {
        List<PresetRun> runs = new ArrayList<>();
        for (Preset p : presets) {
            runs.add(run(p, workload, options, progress));
        }
        return runs;
    }

    @Override
    public void close() {
        servers.close();
        library.close();
    }
}
