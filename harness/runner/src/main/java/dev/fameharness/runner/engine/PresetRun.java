package dev.fameharness.runner.engine;

import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import java.util.List;

/** The outcome of one preset on one workload and seed: per-turn records and the raw event stream. */
public record PresetRun(Preset preset, long seed, List<TurnRecord> turns, EventLog events, long wallMillis,
                        List<String> toolLayers) {

    public PresetRun {
        turns = List.copyOf(turns);
        toolLayers = List.copyOf(toolLayers);
    }

    public long completed() {
        return turns.stream().filter(TurnRecord::completed).count();
    }
}
