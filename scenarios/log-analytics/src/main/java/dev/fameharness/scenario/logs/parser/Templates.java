package dev.fameharness.scenario.logs.parser;

import dev.fameharness.scenario.logs.corpus.LogLine;
import java.util.ArrayList;
import java.util.List;

/** Drain run over a system's lines (unparsed lines included, by their raw text): each line's template. */
public final class Templates {

    private Templates() {
    }

    /** The final template of each line, in line order, with the system's benchmark settings. */
    public static List<String> of(String system, List<LogLine> lines) {
        Drain drain = new Drain(DrainSettings.of(system));
        List<Drain.Cluster> joined = new ArrayList<>(lines.size());
        for (LogLine l : lines) {
            joined.add(drain.add(l.number(), l.content()));
        }
        // Templates change as clusters grow: read them after the last line, as the benchmark does.
        return joined.stream().map(Drain.Cluster::template).toList();
    }
}
