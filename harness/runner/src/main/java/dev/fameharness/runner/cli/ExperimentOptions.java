package dev.fameharness.runner.cli;

import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that run experiments. */
final class ExperimentOptions {

    @Option(names = {"-p", "--preset"}, split = ",", description = "Run only these presets (comma separated).")
    List<String> presets;

    @Option(names = "--seeds", split = ",", description = "Override the experiment's seeds (comma separated).")
    List<Long> seeds;

    @Option(names = "--size", description = "Override the session set: quick, default or large.")
    String size;

    @Option(names = "--results", defaultValue = "results", description = "Results root folder. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--run-id", description = "Name of the run folder (default: UTC timestamp).")
    String runId;

    Experiment apply(Experiment e, PresetCatalog catalog) {
        List<Preset> chosen = e.presets();
        if (presets != null) {
            chosen = new ArrayList<>();
            for (String name : presets) {
                String n = name.strip();
                if (chosen.stream().anyMatch(p -> p.name().equals(n))) {
                    throw new dev.fameharness.api.error.ConfigException("--preset lists '" + n + "' twice");
                }
                chosen.add(e.presets().stream().filter(p -> p.name().equals(n)).findFirst()
                        .orElseGet(() -> catalog.get(n)));
            }
        }
        if (seeds != null) {
            for (int i = 0; i < seeds.size(); i++) {
                if (seeds.get(i) < 0 || seeds.indexOf(seeds.get(i)) != i) {
                    throw new dev.fameharness.api.error.ConfigException("--seeds must be distinct whole numbers >= 0, "
                            + "was " + seeds);
                }
            }
        }
        if (size != null && !Experiment.SIZES.contains(size)) {
            throw new dev.fameharness.api.error.ConfigException("--size must be one of " + Experiment.SIZES + ", was '" + size + "'");
        }
        return e.with(chosen, seeds == null ? e.seeds() : seeds, size == null ? e.size() : size);
    }

    String runId() {
        if (runId != null) {
            if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new dev.fameharness.api.error.ConfigException("--run-id must be 1-64 of [A-Za-z0-9._-], was '" + runId + "'");
            }
            return runId;
        }
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
