package dev.fameharness.scenario.logs.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.agent.Prompts;
import dev.fameharness.llm.SimulatedBehavior;
import dev.fameharness.llm.SimulatedReply;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import dev.fameharness.scenario.logs.corpus.LogTimes;
import dev.fameharness.scenario.logs.parser.Templates;
import dev.fameharness.scenario.logs.sessions.LogAnswer;
import dev.fameharness.scenario.logs.sessions.LogQuestion;
import dev.fameharness.scenario.logs.tools.LogQuery;
import dev.fameharness.scenario.logs.tools.LogToolServer;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated model's policy for log analytics: what a competent model would do with only its prompt.
 * <ul>
 * <li>An implicit follow-up is resolved against the latest earlier question of the kind it refers to that the
 * prompt shows (a memory note's subject); when none is visible the actor replies {@value #NEED_CONTEXT} and
 * asks for it (the agent turns that into the failure reason {@code missing-context}).</li>
 * <li>It answers from what it sees: a whole log inline (a {@code get_log} result) is counted line by line with
 * the format its header states (templates mined with the same Drain parser); a matching {@code query_log} or
 * {@code template_stats} result is read; an earlier answer to the very same request in memory is repeated.</li>
 * <li>Otherwise it reads the log as a naive agent does ({@code get_log}); when the log comes back as a stored
 * reference instead of its lines, it asks the log tools for exactly what the question needs.</li>
 * </ul>
 * The evaluator accepts a non-empty draft. Deterministic; no state outside the prompt.
 */
public final class LogAnalyticsBehavior implements SimulatedBehavior {

    /** The prefix of a reply that asks the user for the context the request refers to. */
    public static final String NEED_CONTEXT = dev.fameharness.agent.Prompts.NEED_CONTEXT;
    /** Lines of a query result the actor asks for (it needs counts, not lines). */
    public static final int PAGE_SIZE = 5;
    /** Templates the actor asks template_stats for. */
    public static final int TEMPLATE_LIMIT = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MATCHED = Pattern.compile("(?m)^matched: (\\d+) of");
    private static final Pattern FIRST = Pattern.compile("(?m)^first: (\\S+ \\S+)");
    private static final Pattern LAST = Pattern.compile("(?m)^last: (\\S+ \\S+)");
    private static final Pattern BY_COMPONENT = Pattern.compile("(?m)^by component: (.+?)=(\\d+)");
    private static final Pattern TOP_TEMPLATE = Pattern.compile("(?m)^1\\. count=(\\d+).*? template: (.*)$");

    /** What the actor will do next: call a tool, or answer with text. */
    private record Step(String tool, Map<String, Object> args, String answer, String why) {
        static Step call(String tool, Map<String, Object> args, String why) {
            return new Step(tool, args, "", why);
        }

        static Step answer(String text, String why) {
            return new Step("", Map.of(), text, why);
        }
    }

    @Override
    public SimulatedReply respond(ChatRequest request) {
        LogPromptView view = new LogPromptView(request.messages());
        return switch (view.role) {
            case PLANNER -> SimulatedReply.text(plan(next(view)));
            case ACTOR -> {
                Step s = next(view);
                yield s.tool().isEmpty() ? SimulatedReply.text(s.answer())
                        : SimulatedReply.toolCall(s.tool(), json(s.args()));
            }
            case EVALUATOR -> SimulatedReply.text(view.answer.isBlank()
                    ? "{\"verdict\":\"reject\",\"feedback\":\"the draft is empty: answer the question\"}"
                    : "{\"verdict\":\"accept\",\"feedback\":\"\"}");
            case OTHER -> SimulatedReply.text("I answer questions about system logs.");
        };
    }

    private static String plan(Step s) {
        Map<String, Object> plan = new LinkedHashMap<>();
        if (s.tool().isEmpty()) {
            plan.put("steps", List.of());
            plan.put("answer_from", s.why());
        } else {
            Map<String, Object> step = new LinkedHashMap<>(); // ordered: the plan text must not vary between runs
            step.put("tool", s.tool());
            step.put("arguments", s.args());
            step.put("why", s.why());
            plan.put("steps", List.of(step));
            plan.put("answer_from", "tools");
        }
        return json(plan);
    }

    private Step next(LogPromptView view) {
        Optional<LogQuestion> parsed = LogQuestion.parse(view.request);
        if (parsed.isEmpty()) {
            return Step.answer("I can answer questions about the system logs only; I did not understand this one.",
                    "observations");
        }
        LogQuestion asked = parsed.get();
        LogQuestion q = asked;
        if (asked.kind().implicit()) {
            Optional<LogQuestion> referent = referent(view, asked);
            if (referent.isEmpty()) {
                return Step.answer(NEED_CONTEXT + " which log and which " + (asked.kind() == LogQuestion.Kind.WINDOW_BEFORE
                        ? "time window" : "lines") + " do you mean? I do not see an earlier question this refers to.",
                        "memory");
            }
            q = asked.resolve(referent.get());
        }
        return next(view, q);
    }

    private Step next(LogPromptView view, LogQuestion q) {
        for (LogPromptView.Note n : view.memory) {
            if ("answer".equals(n.kind()) && n.about().equals(view.request) && !LogPromptView.INDEXED.equals(n.text())
                    && !q.kind().implicit() && !n.text().startsWith(NEED_CONTEXT)) {
                return Step.answer(n.text(), "memory");
            }
        }
        Optional<LogSystem> inline = inlineLog(view, q.system());
        if (inline.isPresent()) {
            LogSystem s = inline.get();
            List<String> templates = q.kind() == LogQuestion.Kind.TOP_TEMPLATE ? Templates.of(s.name(), s.lines()) : List.of();
            return Step.answer(LogAnswer.compute(q, s.lines(), templates).map(a -> a.render(q))
                    .orElse("The " + q.system() + " log has no line that answers this."), "observations");
        }
        Map<String, Object> needed = query(q);
        String tool = q.kind() == LogQuestion.Kind.TOP_TEMPLATE ? LogToolServer.TEMPLATE_STATS : LogToolServer.QUERY_LOG;
        for (LogPromptView.Seen s : view.seen) {
            if (s.tool().equals(tool) && sameQuery(s.args(), needed)) {
                if (s.error()) {
                    return Step.answer("The log tool refused the query: " + s.content(), "observations");
                }
                return Step.answer(fromTool(q, s.content()), "observations");
            }
        }
        if (storedAsReference(view, q.system()) || failedGetLog(view, q.system())) {
            return Step.call(tool, needed, "the log is stored, not in view: ask for exactly what the question needs");
        }
        return Step.call(LogToolServer.GET_LOG, Map.of("system", q.system()), "read the " + q.system() + " log");
    }

    /** The latest earlier question of the kind a follow-up refers to, among the memory notes' subjects. */
    private static Optional<LogQuestion> referent(LogPromptView view, LogQuestion q) {
        LogQuestion.Kind wanted = q.referentKind().orElseThrow();
        for (int i = view.memory.size() - 1; i >= 0; i--) {
            LogPromptView.Note n = view.memory.get(i);
            if ("answer".equals(n.kind())) {
                Optional<LogQuestion> earlier = LogQuestion.parse(n.about());
                if (earlier.isPresent() && earlier.get().kind() == wanted) {
                    return earlier;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LogSystem> inlineLog(LogPromptView view, String system) {
        for (LogPromptView.Seen s : view.seen) {
            if (LogToolServer.GET_LOG.equals(s.tool()) && !s.error() && !s.isReference()
                    && system.equals(s.args().get("system"))) {
                Optional<LogSystem> log = LogToolServer.parseGetLog(s.content());
                if (log.isPresent() && log.get().name().equals(system)) {
                    return log;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean storedAsReference(LogPromptView view, String system) {
        for (LogPromptView.Seen s : view.seen) {
            if (LogToolServer.GET_LOG.equals(s.tool()) && s.isReference() && system.equals(s.args().get("system"))) {
                return true;
            }
        }
        for (LogPromptView.Note n : view.memory) {
            if ("artifact".equals(n.kind()) && n.about().startsWith(LogToolServer.GET_LOG + " ")
                    && system.equals(LogPromptView.args(n.about().substring(LogToolServer.GET_LOG.length() + 1)).get("system"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean failedGetLog(LogPromptView view, String system) {
        return view.seen.stream().anyMatch(s -> LogToolServer.GET_LOG.equals(s.tool()) && s.error()
                && system.equals(s.args().get("system")));
    }

    /** The query that answers a resolved question. */
    static Map<String, Object> query(LogQuestion q) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("system", q.system());
        switch (q.kind()) {
            case LEVEL_COUNT, TOP_COMPONENT -> a.put("level", q.level());
            case WINDOW_COUNT, WINDOW_BEFORE -> {
                a.put("since", LogTimes.DISPLAY.format(q.since()));
                a.put("until", LogTimes.DISPLAY.format(q.until()));
            }
            case FIRST_OCCURRENCE -> a.put("text", q.phrase());
            case TOP_TEMPLATE -> {
                if (!q.level().isEmpty()) {
                    a.put("level", q.level());
                }
                a.put("limit", TEMPLATE_LIMIT);
                return a;
            }
            default -> { }
        }
        a.put("page_size", PAGE_SIZE);
        return a;
    }

    private static boolean sameQuery(Map<String, Object> seen, Map<String, Object> needed) {
        return String.valueOf(seen).equals(String.valueOf(needed)) || new java.util.TreeMap<>(seen).toString()
                .equals(new java.util.TreeMap<>(needed).toString());
    }

    /** The answer read from a query_log or template_stats result. */
    private static String fromTool(LogQuestion q, String content) {
        long count = find(MATCHED, content).map(Long::parseLong).orElse(-1L);
        Optional<LocalDateTime> first = find(FIRST, content).map(t -> LocalDateTime.parse(t, LogTimes.DISPLAY));
        Optional<LocalDateTime> last = find(LAST, content).map(t -> LocalDateTime.parse(t, LogTimes.DISPLAY));
        LogAnswer a;
        switch (q.kind()) {
            case TOP_COMPONENT -> {
                Matcher m = BY_COMPONENT.matcher(content);
                if (!m.find()) {
                    return "No component logged those lines.";
                }
                a = new LogAnswer(Long.parseLong(m.group(2)), List.of(m.group(1)), Optional.empty(), Optional.empty(), "", List.of());
            }
            case TOP_TEMPLATE -> {
                Matcher m = TOP_TEMPLATE.matcher(content);
                if (!m.find()) {
                    return "No template covers those lines.";
                }
                a = new LogAnswer(Long.parseLong(m.group(1)), List.of(), Optional.empty(), Optional.empty(), m.group(2).strip(), List.of());
            }
            case FIRST_OCCURRENCE -> {
                if (first.isEmpty()) {
                    return "The " + q.system() + " log never recorded such a message.";
                }
                a = new LogAnswer(count, List.of(), first, Optional.empty(), "", List.of());
            }
            default -> a = new LogAnswer(count, List.of(), first, last, "", List.of());
        }
        return a.render(q);
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
