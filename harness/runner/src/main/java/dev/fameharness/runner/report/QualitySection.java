package dev.fameharness.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * REPORT.md's "Completion, failures and answer quality per task kind": for every preset of a run, completion and
 * failure reasons, and per task kind the share of turns answered correctly (about the right paper) and ROUGE-L over
 * completed turns; then, for the candidate against each baseline, the paired per-task differences with their
 * session-level intervals from claims.json, and which task kinds are worse beyond the interval.
 */
final class QualitySection {

    private QualitySection() {
    }

    private record Turn(String preset, String task, boolean completed, String reason, int correct, double rougeL) {
    }

    static void write(StringBuilder md, Path runDir, String candidate, List<String> baselines) {
        Path csv = runDir.resolve("turns.csv");
        if (!Files.exists(csv)) {
            return;
        }
        List<Turn> turns = read(csv);
        Map<String, List<Turn>> byPreset = new LinkedHashMap<>();
        TreeSet<String> tasks = new TreeSet<>();
        for (Turn t : turns) {
            byPreset.computeIfAbsent(t.preset(), k -> new ArrayList<>()).add(t);
            tasks.add(t.task());
        }
        md.append("## Completion, failures and answer quality per task kind\n\n");
        md.append("Every turn of every seed. A turn is *correct* when it completed and its answer is about the paper(s) "
                + "the request meant (the subject scorer attributes the answer's distinctive words to the corpus's "
                + "papers; a comparison must cover both); implicit follow-ups name no paper, so only an agent that "
                + "remembers the conversation can be correct on them. ROUGE-L is over completed turns.\n\n");
        md.append("| preset | turns | completion | failure reasons | correct |\n|---|---:|---:|---|---:|\n");
        byPreset.forEach((preset, ts) -> {
            long done = ts.stream().filter(Turn::completed).count();
            long right = ts.stream().filter(t -> t.correct() == 1).count();
            Map<String, Integer> reasons = new TreeMap<>();
            ts.stream().filter(t -> !t.completed()).forEach(t -> reasons.merge(t.reason(), 1, Integer::sum));
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %s | %.1f%% |%n", preset, ts.size(),
                    100.0 * done / ts.size(), reasons.isEmpty() ? "-" : reasons.toString().replaceAll("[{}]", ""),
                    100.0 * right / ts.size()));
        });
        md.append("\nShare correct (of all turns) / mean ROUGE-L (completed turns), per task kind:\n\n| preset |");
        tasks.forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n|---|").append("---:|".repeat(tasks.size())).append('\n');
        byPreset.forEach((preset, ts) -> {
            md.append("| ").append(preset).append(" |");
            for (String k : tasks) {
                List<Turn> of = ts.stream().filter(t -> t.task().equals(k)).toList();
                List<Turn> done = of.stream().filter(Turn::completed).toList();
                md.append(of.isEmpty() ? " - |" : String.format(Locale.ROOT, " %.0f%% / %.3f |",
                        100.0 * of.stream().filter(t -> t.correct() == 1).count() / of.size(),
                        done.stream().mapToDouble(Turn::rougeL).average().orElse(0)));
            }
            md.append('\n');
        });
        md.append('\n');
        Path claims = runDir.resolve("claims.json");
        if (Files.exists(claims)) {
            JsonNode root = RegressionCheck.read(claims);
            for (String baseline : baselines) {
                pairedByTask(md, root, candidate, baseline);
            }
        }
    }

    /** Paired per-task differences of correctness and ROUGE-L, with the rule for "worse". */
    private static void pairedByTask(StringBuilder md, JsonNode root, String candidate, String baseline) {
        for (JsonNode c : root.path("comparisons")) {
            if (!c.path("candidate").asText().equals(candidate) || !c.path("baseline").asText().equals(baseline)) {
                continue;
            }
            JsonNode correct = c.path("metrics").path("correct_difference").path("by_task");
            JsonNode rouge = c.path("metrics").path("rouge_l_difference").path("by_task");
            if (correct.isMissingNode() && rouge.isMissingNode()) {
                return;
            }
            md.append(String.format(Locale.ROOT, "`%s` minus `%s`, paired turns, per task kind (session-level 95%% CI; "
                    + "**worse** = the whole interval below 0):%n%n", candidate, baseline));
            md.append("| task kind | correct (pp) | ROUGE-L (both completed) |\n|---|---|---|\n");
            TreeSet<String> kinds = new TreeSet<>();
            correct.fieldNames().forEachRemaining(kinds::add);
            rouge.fieldNames().forEachRemaining(kinds::add);
            List<String> worse = new ArrayList<>();
            for (String k : kinds) {
                String cc = cell(correct.path(k), 100, "%+.1f");
                String rr = cell(rouge.path(k), 1, "%+.4f");
                if (below(correct.path(k)) || below(rouge.path(k))) {
                    worse.add(k);
                }
                md.append("| ").append(k).append(" | ").append(cc).append(" | ").append(rr).append(" |\n");
            }
            md.append('\n').append(worse.isEmpty()
                    ? "No task kind is worse beyond its interval.\n\n"
                    : "Worse beyond the interval: " + String.join(", ", worse) + ". Why: the policy is the same and "
                            + "so is what each request names; what differs is how much of a paper is in context. An "
                            + "architecture that carries references reads a stored paper part by part within the "
                            + "policy's read budget (`read_budget_bytes` in the scenario settings, doubled and split "
                            + "evenly after a rejection), while one that carries bytes sees the whole text inline (or "
                            + "in its transcript); the extractive answer is drawn from less text. `fame sensitivity` "
                            + "varies the budget.\n\n");
        }
    }

    private static boolean below(JsonNode e) {
        return !e.isMissingNode() && e.path("high").asDouble() < 0;
    }

    private static String cell(JsonNode e, double scale, String format) {
        if (e.isMissingNode()) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", scale * e.path("value").asDouble(),
                scale * e.path("low").asDouble(), scale * e.path("high").asDouble()) + (below(e) ? " **worse**" : "");
    }

    private static List<Turn> read(Path csv) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<Turn> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Turn(r.get("preset"), r.get("task"), "completed".equals(r.get("status")),
                        r.get("failure_reason"), r.isMapped("correct") ? Integer.parseInt(r.get("correct")) : -1,
                        Double.parseDouble(r.get("rouge_l"))));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }
}
