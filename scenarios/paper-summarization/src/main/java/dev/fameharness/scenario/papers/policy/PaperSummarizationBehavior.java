package dev.fameharness.scenario.papers.policy;

import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.llm.ExtractiveSummarizer.Budget;
import dev.fameharness.llm.SimulatedBehavior;
import dev.fameharness.llm.SimulatedReply;
import dev.fameharness.agent.Prompts;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The simulated model's policy for the paper-summarization workload: what a competent model would do given
 * only what its prompt shows. The planner plans the tool calls the visible state still needs; the actor calls
 * them (reading only the parts of a stored artifact it needs, preferring the session memory when it already
 * answers the request) and writes the answer with a real extractive summarizer over the text in its context;
 * the evaluator checks the draft's coverage and length. Deterministic: the same prompt gives the same reply.
 */
public final class PaperSummarizationBehavior implements SimulatedBehavior {

    static final int SUMMARY_WORDS = 200;
    static final int SECTION_WORDS = 150;
    static final int COMPARE_WORDS = 110;
    static final int FOLLOW_UP_WORDS = 100;
    /** Bytes of a stored paper the actor reads in its first round; each rejection doubles it. */
    static final long READ_BUDGET_BYTES = 12 * 1024;

    private final ExtractiveSummarizer summarizer;

    public PaperSummarizationBehavior(ExtractiveSummarizer summarizer) {
        this.summarizer = summarizer;
    }

    @Override
    public SimulatedReply respond(ChatRequest request) {
        PromptView view = new PromptView(request.messages(), !request.toolSpecifications().isEmpty());
        List<String> offered = request.toolSpecifications().stream().map(ToolSpecification::name).toList();
        return switch (view.role) {
            case PLANNER -> SimulatedReply.text(plan(view));
            case ACTOR -> act(view, offered);
            case EVALUATOR -> SimulatedReply.text(evaluate(view));
            case OTHER -> SimulatedReply.text(summarizer.summarize(view.request, Budget.words(SUMMARY_WORDS)));
        };
    }

    // --- planner ------------------------------------------------------------------------------------

    String plan(PromptView view) {
        PaperTask task = PaperTask.parse(view.request);
        List<String> steps = new ArrayList<>();
        String answerFrom = "tools";
        List<String> targets = targets(task, view);
        if (task.kind() == PaperTask.Kind.SEARCH && targets.isEmpty()) {
            steps.add(step("search_papers", JsonArgs.object("query", task.query(), "limit", 5),
                    "find the paper the user describes"));
            steps.add(step("fetch_paper", "{\"paper_id\":\"<best match>\"}", "read the best match"));
        }
        for (String paper : targets) {
            if (useMemory(task, view, paper)) {
                answerFrom = "memory";
                continue;
            }
            if (!view.textsOf(paper).isEmpty()) {
                answerFrom = "observations";
            } else if (!view.partsOf(paper).isEmpty()) {
                steps.add(step("read_artifact", "{\"ref\":\"" + view.partsOf(paper).get(0).ref() + "\"}",
                        "read the parts of the stored paper the answer needs"));
            } else if (task.kind() == PaperTask.Kind.SECTION) {
                steps.add(step("get_section", JsonArgs.object("paper_id", paper, "section", task.section()),
                        "read the requested section"));
            } else {
                steps.add(step("fetch_paper", JsonArgs.object("paper_id", paper), "read the paper"));
            }
        }
        if (!view.feedback.isEmpty()) {
            steps.add(step("read_artifact", "{}", "address the evaluator's feedback: " + view.feedback));
        }
        return "{\"steps\":[" + String.join(",", steps) + "],\"answer_from\":\"" + answerFrom + "\"}";
    }

    private static String step(String tool, String args, String why) {
        return "{\"tool\":\"" + tool + "\",\"arguments\":" + args + ",\"why\":" + JsonArgs.JSON.valueToTree(why) + "}";
    }

    // --- actor --------------------------------------------------------------------------------------

    SimulatedReply act(PromptView view, List<String> offered) {
        PaperTask task = PaperTask.parse(view.request);
        if (task.kind() == PaperTask.Kind.SEARCH && view.lastSeen("search_papers").isEmpty()) {
            return SimulatedReply.toolCall("search_papers", JsonArgs.object("query", task.query(), "limit", 5));
        }
        List<String> targets = targets(task, view);
        if (targets.isEmpty()) {
            return SimulatedReply.text("I could not find a paper matching the request in the library.");
        }
        List<SimulatedReply.ToolCall> calls = new ArrayList<>();
        for (String paper : targets) {
            calls.addAll(needed(task, view, paper, offered));
        }
        if (!calls.isEmpty()) {
            return SimulatedReply.toolCalls(calls);
        }
        return SimulatedReply.text(answer(task, view, targets));
    }

    private List<SimulatedReply.ToolCall> needed(PaperTask task, PromptView view, String paper, List<String> offered) {
        if (useMemory(task, view, paper) && task.kind() != PaperTask.Kind.FOLLOW_UP) {
            return List.of();
        }
        if (task.kind() == PaperTask.Kind.SECTION) {
            if (!sectionText(view, paper, task.section()).isEmpty()) {
                return List.of();
            }
            Optional<PromptView.Part> part = Stream.concat(view.sectionPartsOf(paper).stream(),
                            view.partsOf(paper).stream())
                    .filter(p -> p.title().equalsIgnoreCase(task.section())).findFirst();
            if (part.isPresent() && offered.contains("read_artifact")) {
                return List.of(read(part.get()));
            }
            return List.of(new SimulatedReply.ToolCall("get_section",
                    JsonArgs.object("paper_id", paper, "section", task.section())));
        }
        if (hasFullText(view, paper)) {
            return List.of();
        }
        List<PromptView.Part> parts = view.partsOf(paper);
        if (!parts.isEmpty() && offered.contains("read_artifact")) {
            boolean memoryHelps = task.kind() == PaperTask.Kind.FOLLOW_UP && !view.memoryAbout(paper).isEmpty();
            // A follow-up that memory already covers reads the one part the question is about.
            long budget = memoryHelps ? 1 : READ_BUDGET_BYTES << Math.min(4, rejections(view));
            List<PromptView.Part> unread = choose(parts, budget, task).stream().filter(p -> !view.wasRead(p)).toList();
            return unread.stream().map(PaperSummarizationBehavior::read).toList();
        }
        if (task.kind() == PaperTask.Kind.FOLLOW_UP && !view.memoryAbout(paper).isEmpty()) {
            return List.of();
        }
        if (!view.textsOf(paper).isEmpty()) {
            return List.of();
        }
        return List.of(new SimulatedReply.ToolCall("fetch_paper", JsonArgs.object("paper_id", paper)));
    }

    private static SimulatedReply.ToolCall read(PromptView.Part p) {
        return new SimulatedReply.ToolCall("read_artifact",
                JsonArgs.object("ref", p.ref(), "offset", p.offset(), "length", p.length()));
    }

    /**
     * The parts a reader would pick for a summary (or for a follow-up question), by heading: introduction,
     * then discussion/conclusions, then results, then methods, then the rest in order, until the budget is
     * spent. Always at least one part.
     */
    static List<PromptView.Part> choose(List<PromptView.Part> parts, long budget, PaperTask task) {
        List<PromptView.Part> ranked = new ArrayList<>(parts);
        ranked.sort(Comparator.comparingInt((PromptView.Part p) -> rank(p.title(), task)).thenComparingLong(PromptView.Part::offset));
        List<PromptView.Part> chosen = new ArrayList<>();
        long used = 0;
        for (PromptView.Part p : ranked) {
            if (chosen.isEmpty() || used + p.length() <= budget) {
                chosen.add(p);
                used += p.length();
            }
            if (used >= budget) {
                break;
            }
        }
        return chosen;
    }

    private static int rank(String title, PaperTask task) {
        String t = title.toLowerCase(Locale.ROOT);
        String q = task.question().toLowerCase(Locale.ROOT);
        if (q.contains("method") && (t.contains("method") || t.contains("material"))) {
            return 0;
        }
        if ((q.contains("limitation") || q.contains("interpret")) && t.contains("discussion")) {
            return 0;
        }
        if ((q.contains("result") || q.contains("data")) && t.startsWith("results")) {
            return 0;
        }
        if (t.contains("introduction") || t.contains("background")) {
            return 1;
        }
        if (t.contains("conclusion") || (t.contains("discussion") && !t.contains(" / "))) {
            return 2;
        }
        if (t.equals("results") || t.startsWith("results and discussion")) {
            return 3;
        }
        return t.contains(" / ") ? 6 : 5;
    }

    private static int rejections(PromptView view) {
        return view.feedback.isEmpty() ? 0 : 1;
    }

    // --- answers ------------------------------------------------------------------------------------

    String answer(PaperTask task, PromptView view, List<String> targets) {
        return switch (task.kind()) {
            case SECTION -> summarizer.summarize(sectionText(view, targets.get(0), task.section()),
                    Budget.words(SECTION_WORDS));
            case COMPARE -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < targets.size(); i++) {
                    String p = targets.get(i);
                    sb.append("Paper ").append(i + 1).append(" (").append(p).append("): ")
                            .append(summarizer.summarize(paperText(task, view, p), Budget.words(COMPARE_WORDS)))
                            .append("\n\n");
                }
                yield sb.toString().strip();
            }
            case FOLLOW_UP -> {
                String p = targets.get(0);
                String text = String.join("\n", view.memoryAbout(p)).replace(Prompts.NEWLINE, "\n") + "\n"
                        + clean(String.join("\n", view.textsOf(p)));
                yield summarizer.answer(task.question(), text, Budget.words(FOLLOW_UP_WORDS));
            }
            default -> summarizer.summarize(paperText(task, view, targets.get(0)), Budget.words(SUMMARY_WORDS));
        };
    }

    private String paperText(PaperTask task, PromptView view, String paper) {
        List<String> texts = view.textsOf(paper);
        if (texts.isEmpty() && useMemory(task, view, paper)) {
            return String.join("\n", view.memoryAbout(paper)).replace(Prompts.NEWLINE, "\n");
        }
        return clean(String.join("\n", texts));
    }

    static String sectionText(PromptView view, String paper, String section) {
        for (PromptView.Seen s : view.seen) {
            if (!s.error() && !s.isReference() && "get_section".equals(s.tool())
                    && PromptView.paperOf(s.arguments()).orElse("").equals(paper)) {
                return clean(s.content());
            }
        }
        for (PromptView.Part p : Stream.concat(view.sectionPartsOf(paper).stream(), view.partsOf(paper).stream())
                .toList()) {
            if (p.title().equalsIgnoreCase(section)) {
                for (PromptView.Seen s : view.seen) {
                    if ("read_artifact".equals(s.tool()) && JsonArgs.integer(s.arguments(), "offset") == p.offset()
                            && JsonArgs.string(s.arguments(), "ref").equals(p.ref())) {
                        return clean(s.content());
                    }
                }
            }
        }
        for (String full : fullTexts(view, paper)) {
            int at = full.indexOf("\n## " + section + "\n");
            if (at >= 0) {
                int end = full.indexOf("\n## ", at + 4);
                return clean(full.substring(at, end < 0 ? full.length() : end));
            }
        }
        return "";
    }

    private static boolean hasFullText(PromptView view, String paper) {
        return !fullTexts(view, paper).isEmpty();
    }

    private static List<String> fullTexts(PromptView view, String paper) {
        List<String> out = new ArrayList<>();
        for (PromptView.Seen s : view.seen) {
            if (!s.error() && !s.isReference() && "fetch_paper".equals(s.tool())
                    && PromptView.paperOf(s.arguments()).orElse("").equals(paper)) {
                out.add(s.content());
            }
        }
        return out;
    }

    /** Memory answers a summary request outright; a follow-up uses memory and reads at most what it needs. */
    private static boolean useMemory(PaperTask task, PromptView view, String paper) {
        return (task.kind() == PaperTask.Kind.PAPER || task.kind() == PaperTask.Kind.FOLLOW_UP)
                && view.feedback.isEmpty() && !view.memoryAbout(paper).isEmpty();
    }

    private static List<String> targets(PaperTask task, PromptView view) {
        if (task.kind() != PaperTask.Kind.SEARCH) {
            return task.papers();
        }
        return view.lastSeen("search_papers").map(s -> {
            Matcher m = PromptView.PAPER_ID.matcher(s.content());
            return m.find() ? List.of(m.group(1)) : List.<String>of();
        }).orElse(List.of());
    }

    /** Drops headings and outline lines: only prose goes to the summarizer. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith("[artifact ") || l.startsWith("- offset=")) {
                continue;
            }
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    // --- evaluator ----------------------------------------------------------------------------------

    String evaluate(PromptView view) {
        PaperTask task = PaperTask.parse(view.request);
        String answer = view.answer.strip();
        int words = answer.isEmpty() ? 0 : answer.split("\\s+").length;
        if (answer.isEmpty()) {
            return reject("The draft is empty: carry out the plan and write the answer.");
        }
        if (words < task.minimumWords()) {
            return reject("The draft has only " + words + " words; read more of the paper and write at least "
                    + task.minimumWords() + " words.");
        }
        if (task.kind() == PaperTask.Kind.COMPARE) {
            for (String p : task.papers()) {
                if (!answer.contains(p)) {
                    return reject("The draft must address both papers; it does not cover " + p + ".");
                }
            }
        }
        return "{\"verdict\":\"accept\",\"feedback\":\"\"}";
    }

    private static String reject(String feedback) {
        return "{\"verdict\":\"reject\",\"feedback\":" + JsonArgs.JSON.valueToTree(feedback) + "}";
    }
}
