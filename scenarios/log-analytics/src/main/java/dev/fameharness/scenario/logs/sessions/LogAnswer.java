package dev.fameharness.scenario.logs.sessions;

import dev.fameharness.scenario.logs.corpus.LogLine;
import dev.fameharness.scenario.logs.tools.LogQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact answer to a resolved {@link LogQuestion} over a set of lines, and its wording. The same
 * computation gives the ground truth (over the structured CSV's rows and events) and a reader's answer (over
 * the raw lines visible in its prompt, with templates from the Drain parser).
 *
 * @param count    the count asked for (lines; for a template, the lines it covers); -1 when none
 * @param names    the component(s) with the most lines (ties: all of them)
 * @param time     the first time (overview, first occurrence)
 * @param lastTime the last time (overview)
 * @param template the most frequent template
 * @param examples messages of that template (up to 3), so a reworded template can be checked against them
 */
public record LogAnswer(long count, List<String> names, Optional<LocalDateTime> time, Optional<LocalDateTime> lastTime,
                        String template, List<String> examples) {

    public LogAnswer {
        names = List.copyOf(names);
        examples = List.copyOf(examples);
    }

    /**
     * Computes the answer.
     *
     * @param q         the resolved question (its system and parameters filled)
     * @param lines     the log's lines
     * @param templates the template of each line (same order), for template questions; may be empty otherwise
     */
    public static Optional<LogAnswer> compute(LogQuestion q, List<LogLine> lines, List<String> templates) {
        LogQuery.Filter all = LogQuery.Filter.ALL;
        switch (q.kind()) {
            case OVERVIEW -> {
                LogQuery.Result r = LogQuery.run(lines, all);
                return Optional.of(new LogAnswer(r.count(), List.of(), r.first().flatMap(LogLine::time),
                        r.last().flatMap(LogLine::time), "", List.of()));
            }
            case LEVEL_COUNT -> {
                return Optional.of(count(LogQuery.run(lines, level(q.level()))));
            }
            case WINDOW_COUNT, WINDOW_BEFORE -> {
                return Optional.of(count(LogQuery.run(lines, new LogQuery.Filter("", "", q.since(), q.until(), "", null))));
            }
            case TOP_COMPONENT -> {
                LogQuery.Result r = LogQuery.run(lines, level(q.level()));
                List<Map.Entry<String, Long>> ranked = r.componentsByCount();
                if (ranked.isEmpty()) {
                    return Optional.empty();
                }
                long top = ranked.get(0).getValue();
                List<String> names = ranked.stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
                return Optional.of(new LogAnswer(top, names, Optional.empty(), Optional.empty(), "", List.of()));
            }
            case FIRST_OCCURRENCE -> {
                LogQuery.Result r = LogQuery.run(lines, new LogQuery.Filter("", "", null, null, q.phrase(), null));
                return r.first().map(l -> new LogAnswer(r.count(), List.of(), l.time(), Optional.empty(), "", List.of()));
            }
            case TOP_TEMPLATE -> {
                if (templates.size() != lines.size()) {
                    return Optional.empty();
                }
                LogQuery.Filter f = level(q.level());
                Map<String, List<String>> groups = new LinkedHashMap<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (f.test(lines.get(i))) {
                        groups.computeIfAbsent(templates.get(i), k -> new ArrayList<>()).add(lines.get(i).content());
                    }
                }
                Map.Entry<String, List<String>> best = null;
                for (Map.Entry<String, List<String>> e : groups.entrySet()) {
                    if (best == null || e.getValue().size() > best.getValue().size()) {
                        best = e;
                    }
                }
                if (best == null) {
                    return Optional.empty();
                }
                return Optional.of(new LogAnswer(best.getValue().size(), List.of(), Optional.empty(), Optional.empty(),
                        best.getKey(), best.getValue().subList(0, Math.min(3, best.getValue().size()))));
            }
            default -> throw new IllegalStateException("unhandled kind " + q.kind());
        }
    }

    private static LogQuery.Filter level(String level) {
        return new LogQuery.Filter(level, "", null, null, "", null);
    }

    private static LogAnswer count(LogQuery.Result r) {
        return new LogAnswer(r.count(), List.of(), Optional.empty(), Optional.empty(), "", List.of());
    }

    /** How the answer is worded for the user: the asked value first. */
    public String render(LogQuestion q) {
        return switch (q.kind()) {
            case OVERVIEW -> count + " lines in the " + q.system() + " log"
                    + time.map(t -> ", first at " + LogQuery.time(t)).orElse("")
                    + lastTime.map(t -> ", last at " + LogQuery.time(t)).orElse("") + ".";
            case LEVEL_COUNT -> count + " " + q.level() + " lines in the " + q.system() + " log.";
            case WINDOW_COUNT, WINDOW_BEFORE -> count + " lines in the " + q.system() + " log between "
                    + LogQuery.time(q.since()) + " and " + LogQuery.time(q.until()) + ".";
            case TOP_COMPONENT -> names.get(0) + " logged the most of the " + (q.level().isEmpty() ? "" : q.level() + " ")
                    + "lines of the " + q.system() + " log (" + count + " lines).";
            case FIRST_OCCURRENCE -> time.map(LogQuery::time).orElse("never") + " is the first time the " + q.system()
                    + " log recorded it.";
            case TOP_TEMPLATE -> template + "\nThis template covers " + count + " lines.";
        };
    }
}
