package dev.fameharness.scenario.logs.parser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.scenario.logs.corpus.GroundTruth;
import dev.fameharness.scenario.logs.corpus.LogCorpus;
import dev.fameharness.scenario.logs.corpus.LogCorpusLoader;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Drain's grouping accuracy per system against the ground-truth {@code EventId}s, beside the published
 * figure. {@code main} prints the table and writes it as JSON to the path given (default
 * {@code target/parser-accuracy.json}); the log folder is the default one or {@code -Dfame.logs=DIR}.
 */
public final class ParserAccuracy {

    /** One system's measured and published accuracy. */
    public record Row(String system, int lines, int templates, double accuracy, OptionalDouble published) {
    }

    private ParserAccuracy() {
    }

    /** Every system of the corpus that has ground truth. */
    public static List<Row> measure(LogCorpus corpus) {
        List<Row> rows = new ArrayList<>();
        for (LogSystem s : corpus.systems()) {
            if (s.truth().isEmpty()) {
                continue;
            }
            rows.add(measure(s));
        }
        return rows;
    }

    /** One system: Drain over its lines, groups compared with the ground truth's events line by line. */
    public static Row measure(LogSystem s) {
        GroundTruth truth = s.truth().orElseThrow(() -> new IllegalArgumentException(s.name() + " has no ground truth"));
        List<String> parsed = Templates.of(s.name(), s.lines());
        Map<Integer, String> eventOfLine = new LinkedHashMap<>();
        truth.rows().forEach(r -> eventOfLine.put(r.lineId(), r.eventId()));
        List<String> p = new ArrayList<>();
        List<String> t = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            String event = eventOfLine.get(s.lines().get(i).number());
            if (event != null) {
                p.add(parsed.get(i));
                t.add(event);
            }
        }
        return new Row(s.name(), t.size(), (int) parsed.stream().distinct().count(), GroupingAccuracy.of(p, t),
                DrainSettings.publishedAccuracy(s.name()));
    }

    /** The rows as JSON (system to lines, templates, accuracy, published_accuracy). */
    public static ObjectNode json(List<Row> rows) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("metric", "grouping accuracy (Zhu et al., ICSE-SEIP 2019; logpai/logparser evaluator)");
        root.put("published_source", "logpai/logparser logparser/Drain/README.md (Loghub_2k benchmark), settings "
                + DrainSettings.RESOURCE);
        ObjectNode systems = root.putObject("systems");
        for (Row r : rows) {
            ObjectNode n = systems.putObject(r.system());
            n.put("lines", r.lines());
            n.put("templates", r.templates());
            n.put("accuracy", Math.round(r.accuracy() * 10000) / 10000.0);
            if (r.published().isPresent()) {
                n.put("published_accuracy", r.published().getAsDouble());
            } else {
                n.putNull("published_accuracy");
            }
        }
        return root;
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = measure(LogCorpusLoader.loadDefault());
        System.out.printf("%-10s %6s %9s %9s %9s%n", "system", "lines", "templates", "accuracy", "published");
        for (Row r : rows) {
            System.out.printf(java.util.Locale.ROOT, "%-10s %6d %9d %9.4f %9s%n", r.system(), r.lines(), r.templates(),
                    r.accuracy(), r.published().isPresent() ? String.format(java.util.Locale.ROOT, "%.4f",
                            r.published().getAsDouble()) : "-");
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/parser-accuracy.json");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json(rows));
        System.out.println("wrote " + out);
    }
}
