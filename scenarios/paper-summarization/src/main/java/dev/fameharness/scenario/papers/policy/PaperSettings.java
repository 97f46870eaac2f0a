package dev.fameharness.scenario.papers.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy's free constants, read from {@value #RESOURCE} (the one settings file of the scenario), with an
 * experiment's overrides applied. Every field is documented in that file.
 */
public record PaperSettings(long readBudgetBytes, int summaryWords, int sectionWords, int compareWordsPerPaper,
                            int followUpWords, double shorterShare, List<String> sectionPriority,
                            String memoryAnswers) {

    public static final String RESOURCE = "/dev/fameharness/scenario/papers/policy/settings.yaml";
    public static final List<String> MEMORY_ANSWERS = List.of("same-paper-same-kind", "same-paper");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public PaperSettings {
        sectionPriority = List.copyOf(sectionPriority);
        positive("read_budget_bytes", readBudgetBytes);
        positive("summary_words", summaryWords);
        positive("section_words", sectionWords);
        positive("compare_words_per_paper", compareWordsPerPaper);
        positive("follow_up_words", followUpWords);
        if (!(shorterShare > 0 && shorterShare < 1)) {
            throw new ConfigException("scenario setting 'shorter_share' must be in (0, 1), was " + shorterShare);
        }
        if (!MEMORY_ANSWERS.contains(memoryAnswers)) {
            throw new ConfigException("scenario setting 'memory_answers' must be one of " + MEMORY_ANSWERS + ", was '"
                    + memoryAnswers + "'");
        }
    }

    /** The file's settings. */
    public static PaperSettings defaults() {
        return load(Map.of());
    }

    /** The file's settings with {@code overrides} (snake_case keys as in the file) applied. */
    public static PaperSettings load(Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(file());
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            if (!values.containsKey(o.getKey())) {
                throw new ConfigException("unknown scenario setting '" + o.getKey() + "' for paper-summarization; "
                        + "known settings: " + values.keySet() + " (" + RESOURCE + ")");
            }
            values.put(o.getKey(), o.getValue());
        }
        return new PaperSettings(number(values, "read_budget_bytes").longValue(),
                number(values, "summary_words").intValue(), number(values, "section_words").intValue(),
                number(values, "compare_words_per_paper").intValue(), number(values, "follow_up_words").intValue(),
                number(values, "shorter_share").doubleValue(), strings(values, "section_priority"),
                String.valueOf(values.get("memory_answers")));
    }

    /** The settings as the file names them, for run.json. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read_budget_bytes", readBudgetBytes);
        m.put("summary_words", summaryWords);
        m.put("section_words", sectionWords);
        m.put("compare_words_per_paper", compareWordsPerPaper);
        m.put("follow_up_words", followUpWords);
        m.put("shorter_share", shorterShare);
        m.put("section_priority", sectionPriority);
        m.put("memory_answers", memoryAnswers);
        return m;
    }

    private static Map<String, Object> file() {
        try (InputStream in = PaperSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath resource " + RESOURCE + " is missing from the scenario jar");
            }
            JsonNode root = YAML.readTree(in);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class));
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Number number(Map<String, Object> values, String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n;
        }
        try {
            return Double.valueOf(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new ConfigException("scenario setting '" + key + "' must be a number, was '" + v + "'");
        }
    }

    private static List<String> strings(Map<String, Object> values, String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) {
            throw new ConfigException("scenario setting '" + key + "' must be a list of heading keywords, was '" + v
                    + "'");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static void positive(String key, double v) {
        if (!(v > 0)) {
            throw new ConfigException("scenario setting '" + key + "' must be positive, was " + v);
        }
    }
}
