package dev.fameharness.runner.cli;

import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the discovered presets. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the architecture presets found.")
final class PresetsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Preset p : PresetCatalog.discover().all()) {
            System.out.printf("%-24s %s%n", p.name(), p.description());
        }
        return FameCli.OK;
    }
}
