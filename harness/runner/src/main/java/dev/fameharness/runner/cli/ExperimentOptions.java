package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run experiments ({@code run}, {@code reproduce}, {@code sweep}). Every
 * option here changes the experiment that runs or is refused: none is accepted and then ignored.
 */
final class ExperimentOptions {

    /** The results root when {@code --results} is not given. */
    static final Path DEFAULT_RESULTS = Path.of("results");

    @Option(names = {"-p", "--preset"}, split = ",", description = "Run only these presets (comma separated).")
    List<String> presets;

    @Option(names = "--seeds", split = ",", description = "Override the experiment's seeds (comma separated).")
    List<Long> seeds;

    @Option(names = "--size", description = "Override the session set: quick, default or large.")
    String size;

    @Option(names = "--corpus", description = "The scenario's data folder: JATS papers or Loghub logs with a manifest (default: the experiment's "
            + "corpus, else ../shared/corpus or $FAME_CORPUS).")
    Path corpus;

    @Option(names = "--results", description = "Results root folder. Default: results.")
    Path results;

    @Option(names = "--run-id", description = "Name of the run folder (default: UTC timestamp).")
    String runId;

    @Option(names = "--quiet", description = "Print only the summary: no per-turn rows (run without -e) and no "
            + "per-preset progress lines (experiments).")
    boolean quiet;

    @Option(names = "--resume", description = "Continue on the state an earlier run with the same run id left at the "
            + "experiment's endpoints (its tables, buckets, key prefixes). Without it such state is refused: a run "
            + "never reuses another run's data.")
    boolean resume;

    /** {@code --resume}, refused where there is nothing to resume: embedded servers start empty every run. */
    boolean resume(Experiment e) {
        if (resume && e.endpoints().isEmpty()) {
            throw new ConfigException("--resume continues on state kept at the experiment's endpoints, and "
                    + e.source() + " has none (its embedded servers start empty every run); drop --resume");
        }
        return resume;
    }

    @Option(names = "--record", paramLabel = "DIR", description = "With model: openai, keep every model exchange in DIR "
            + "(keyed by request hash) so that model: replay with model_options.replay_dir: DIR reruns it offline.")
    Path record;

    @Option(names = "--profile", paramLabel = "FILE", description = "Calibration profile for the modeled latencies "
            + "(e.g. one written by fame calibrate). Default: the bundled aws-us-east-1 profile.")
    Path profile;

    /** The profile {@code --profile} names (loaded and validated now), else the bundled one. */
    dev.fameharness.platform.calibration.CalibrationProfile profile() {
        return profile == null ? dev.fameharness.platform.calibration.CalibrationProfile.loadDefault()
                : dev.fameharness.platform.calibration.CalibrationProfile.load(profile);
    }

    Path results() {
        return results == null ? DEFAULT_RESULTS : results;
    }

    Experiment apply(Experiment e, PresetCatalog catalog) {
        List<Preset> chosen = e.presets();
        if (presets != null) {
            chosen = new ArrayList<>();
            for (String name : presets) {
                String n = name.strip();
                if (chosen.stream().anyMatch(p -> p.name().equals(n))) {
                    throw new ConfigException("--preset lists '" + n + "' twice");
                }
                chosen.add(e.presets().stream().filter(p -> p.name().equals(n)).findFirst()
                        .orElseGet(() -> catalog.get(n)));
            }
        }
        checkSeeds();
        if (size != null && !Experiment.SIZES.contains(size)) {
            throw new ConfigException("--size must be one of " + Experiment.SIZES + ", was '" + size + "'");
        }
        Experiment out = e.with(chosen, seeds == null ? e.seeds() : seeds, size == null ? e.size() : size);
        if (record != null) {
            if (!"openai".equals(e.model())) {
                throw new ConfigException("--record keeps a real model's exchanges, and " + e.source() + " uses model '"
                        + e.model() + "'; set model: openai (with model_options.base_url for a local server)");
            }
            out = out.withModelOption("record_dir", record.toString());
        }
        return corpus == null ? out : out.withCorpus(Optional.of(corpus));
    }

    void checkSeeds() {
        if (seeds != null) {
            for (int i = 0; i < seeds.size(); i++) {
                if (seeds.get(i) < 0 || seeds.indexOf(seeds.get(i)) != i) {
                    throw new ConfigException("--seeds must be distinct whole numbers >= 0, was " + seeds);
                }
            }
        }
    }

    /** The run id given with {@code --run-id} (validated), else a UTC timestamp. */
    String runId() {
        if (runId != null) {
            if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new ConfigException("--run-id must be 1-64 of [A-Za-z0-9._-], was '" + runId + "'");
            }
            return runId;
        }
        return timestamp();
    }

    static String timestamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
