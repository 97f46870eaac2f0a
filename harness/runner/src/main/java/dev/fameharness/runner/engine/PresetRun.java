package dev.fameharness.runner.engine;

import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.Verification;
import java.util.List;

/**
 * The outcome of one preset on one workload and seed: per-turn records, the raw event stream and the check that
 * every completed turn's saved state and artifacts are still in the stores ({@code verification}).
 */
public record PresetRun(Preset preset, long seed, List<TurnRecord> turns, EventLog events, long wallMillis,
                        Verification verification) {

    public PresetRun {
        turns = List.copyOf(turns);
        java.util.Objects.requireNonNull(verification, "verification");
    }

    public long completed() {
        return turns.stream().filter(TurnRecord::completed).count();
    }
}
