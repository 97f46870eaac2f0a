package dev.fameharness.scenario.logs.tools;

import dev.fameharness.scenario.logs.corpus.LogLine;
import dev.fameharness.scenario.logs.parser.Templates;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates mined with Drain over a whole log (so a template is the same whatever the filter), counted over
 * the lines a filter keeps, with their first and last occurrence.
 */
public final class TemplateStats {

    /** One template: how many kept lines it covers, the first and last of them. */
    public record Stat(String template, long count, LogLine first, LogLine last) {
        public Optional<LocalDateTime> firstTime() {
            return first.time();
        }
    }

    private TemplateStats() {
    }

    /** Templates of the kept lines, most frequent first (ties by first line). */
    public static List<Stat> of(String system, List<LogLine> lines, LogQuery.Filter filter) {
        List<String> templates = Templates.of(system, lines);
        Map<String, List<LogLine>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (filter.test(lines.get(i))) {
                groups.computeIfAbsent(templates.get(i), k -> new ArrayList<>()).add(lines.get(i));
            }
        }
        List<Stat> out = new ArrayList<>();
        groups.forEach((t, ls) -> out.add(new Stat(t, ls.size(), ls.get(0), ls.get(ls.size() - 1))));
        out.sort(Comparator.comparingLong(Stat::count).reversed().thenComparingInt(s -> s.first().number()));
        return out;
    }
}
