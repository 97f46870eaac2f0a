package dev.fameharness.runner.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code verification.json} of a run folder: one entry per preset and seed, in experiment order, with the
 * counts of {@link Verification} and its problems.
 */
public final class VerificationJson {

    public static final String FILE = "verification.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationJson() {
    }

    /** One preset and seed's verification. */
    public record Entry(String preset, long seed, Verification verification) {
    }

    public static ObjectNode tree(List<Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("what", "every value (working state, artifact, memory note) each completed turn saved, read back "
                + "after the run and compared with the SHA-256 of what was written");
        ArrayNode runs = root.putArray("runs");
        for (Entry e : entries) {
            Verification v = e.verification();
            ObjectNode n = runs.addObject();
            n.put("preset", e.preset());
            n.put("seed", e.seed());
            n.put("intact", v.intact());
            n.put("turns", v.turns());
            ObjectNode checked = n.putObject("checked");
            v.checked().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(c -> checked.put(c.getKey(), c.getValue()));
            n.put("missing", v.missing());
            n.put("corrupted", v.corrupted());
            n.put("unreadable", v.unreadable());
            n.put("evicted", v.evicted());
            ArrayNode problems = n.putArray("problems");
            for (Verification.Problem p : v.problems()) {
                problems.addObject().put("turn", p.turnId()).put("kind", p.kind()).put("ref", p.ref())
                        .put("outcome", p.outcome()).put("detail", p.detail());
            }
        }
        return root;
    }

    public static void write(List<Entry> entries, Path file) {
        try {
            JSON.writeValue(file.toFile(), tree(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
