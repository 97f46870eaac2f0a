package dev.fameharness.report.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.report.results.StableJson;
import dev.fameharness.report.stats.Estimate;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code claims.json}: the {@link ClaimStatistics} of a run, keys in a fixed order, two-space indent, LF line
 * ends, plain decimals; undefined intervals are {@code null}. Per comparison and metric: {@code value},
 * {@code turn_level} and {@code session_level} intervals ({@code low}, {@code high}, {@code resamples}),
 * {@code per_turn} ratio spread ({@code p10}, {@code p50}, {@code p90}, {@code min}, {@code max}) and
 * {@code by_task} (per task kind: {@code value}, {@code low}, {@code high}, session level).
 */
public final class ClaimsJsonWriter {

    public static final String FILE = "claims.json";

    private static final JsonNodeFactory F = StableJson.NODES;

    private ClaimsJsonWriter() {
    }

    /** Writes {@code claims} as {@value #FILE} into {@code dir}. */
    public static Path write(ClaimStatistics claims, Path dir) throws IOException {
        return StableJson.writeFile(dir, FILE, w -> write(claims, w));
    }

    public static void write(ClaimStatistics claims, Writer out) throws IOException {
        ObjectNode root = F.objectNode();
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("resamples", claims.resamples());
        boot.put("confidence", decimal(claims.confidence()));
        boot.put("seed", claims.seed());
        boot.put("session_level", "cluster bootstrap: sessions (seed, session id) resampled with all their turns, "
                + "pairs kept across presets");
        boot.put("turn_level", "paired bootstrap: turns resampled independently");
        ArrayNode comparisons = root.putArray("comparisons");
        for (ClaimComparison c : claims.comparisons()) {
            ObjectNode n = comparisons.addObject();
            n.put("candidate", c.candidate());
            n.put("baseline", c.baseline());
            n.put("pairs", c.pairs());
            n.put("sessions", c.sessions());
            ObjectNode metrics = n.putObject("metrics");
            for (PairedMetric m : c.metrics()) {
                metrics.set(m.metric(), metric(m));
            }
        }
        StableJson.write(root, out);
    }

    private static ObjectNode metric(PairedMetric m) {
        ObjectNode n = F.objectNode();
        n.put("statistic", m.statistic());
        n.put("pairs", m.pairs());
        n.put("sessions", m.sessions());
        n.put("value", decimal(m.sessionLevel().map(Estimate::value).orElse(0.0)));
        n.set("turn_level", interval(m.turnLevel()));
        n.set("session_level", interval(m.sessionLevel()));
        if (m.perTurn().isPresent()) {
            RatioSpread s = m.perTurn().get();
            ObjectNode p = n.putObject("per_turn");
            p.put("n", s.n());
            p.put("p10", decimal(s.p10()));
            p.put("p50", decimal(s.p50()));
            p.put("p90", decimal(s.p90()));
            p.put("min", decimal(s.min()));
            p.put("max", decimal(s.max()));
        }
        if (!m.byTask().isEmpty()) {
            ObjectNode t = n.putObject("by_task");
            m.byTask().forEach((task, e) -> {
                ObjectNode x = t.putObject(task);
                x.put("value", decimal(e.value()));
                x.put("low", decimal(e.low()));
                x.put("high", decimal(e.high()));
            });
        }
        return n;
    }

    private static JsonNode interval(Optional<Estimate> e) {
        if (e.isEmpty()) {
            return F.nullNode();
        }
        ObjectNode n = F.objectNode();
        n.put("low", decimal(e.get().low()));
        n.put("high", decimal(e.get().high()));
        n.put("resamples", e.get().resamples());
        return n;
    }

    static BigDecimal decimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        return d == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(d).stripTrailingZeros();
    }
}
