package dev.fameharness.runner.cli;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.runner.engine.PresetRun;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Plain-text per-turn lines and a one-paragraph summary for the console. */
final class TurnTable {

    private TurnTable() {
    }

    static String header() {
        return String.format(Locale.ROOT, "%-10s %-22s %-9s %-20s %9s %7s %7s %7s %6s %5s %4s %5s %5s %5s %4s %7s %6s",
                "turn", "task", "status", "reason", "lat_ms", "in_P", "in_A", "in_E", "out", "inv", "cold", "trans",
                "store", "tools", "hits", "maxKB", "rougeL");
    }

    static String row(TurnRecord r) {
        return String.format(Locale.ROOT, "%-10s %-22s %-9s %-20s %9.1f %7d %7d %7d %6d %5d %4d %5d %5d %5d %4d %7.1f %6.3f",
                r.turnId(), r.task(), r.status(), r.failureReason().isEmpty() ? "-" : r.failureReason(),
                r.latencyMicros() / 1000.0, r.plannerInputTokens(), r.actorInputTokens(), r.evaluatorInputTokens(),
                r.outputTokens(), r.invocations(), r.coldStarts(), r.transitions(), r.storeOps(), r.toolCalls(),
                r.cacheHits(), r.maxPayloadBytes() / 1024.0, r.rougeL());
    }

    static String summary(PresetRun run) {
        List<TurnRecord> t = run.turns();
        long done = run.completed();
        double[] lat = t.stream().mapToDouble(r -> r.latencyMicros() / 1000.0).sorted().toArray();
        long in = t.stream().mapToLong(TurnRecord::inputTokens).sum();
        double rouge = t.stream().filter(TurnRecord::completed).mapToDouble(TurnRecord::rougeL).average().orElse(0);
        return String.format(Locale.ROOT,
                "%s: %d turns, %d completed (%.1f%%), median latency %.1f ms, input tokens %d (%.0f per turn), "
                        + "ROUGE-L %.3f over completed turns, harness wall time %d ms; %s",
                run.preset().name(), t.size(), done, 100.0 * done / Math.max(1, t.size()), median(lat), in,
                (double) in / Math.max(1, t.size()), rouge, run.wallMillis(), run.verification().summary());
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
