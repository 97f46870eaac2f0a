package dev.fameharness.scenario.papers.policy;

import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.Prompts;
import dev.fameharness.llm.ExtractiveSummarizer;
import dev.fameharness.llm.ExtractiveSummarizer.Budget;
import dev.fameharness.llm.SimulatedBehavior;
import dev.fameharness.llm.SimulatedReply;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The simulated model's policy for the paper-summarization workload: what a competent model would do given
 * only what its prompt shows, with its free constants from {@link PaperSettings}. Deterministic: the same
 * prompt gives the same reply, whichever architecture produced the prompt.
 *
 * <ul>
 *   <li>The planner plans the tool calls the visible state still needs.</li>
 *   <li>The actor resolves what the request is about (an implicit follow-up takes its paper from the latest
 *       earlier turn the prompt shows; with no earlier turn visible it asks for the context: the policy's
 *       stated choice is to ask, never to guess), answers from memory only when a note covers the same papers
 *       and the same kind of request, otherwise reads the source: a paper fetched inline is visible whole; a
 *       stored paper is read part by part through its outline, within a read budget shared by the request's
 *       papers (first round: in request order; after a rejection: doubled and split evenly). It writes the
 *       answer with a real extractive summarizer over the text in its context.</li>
 *   <li>The evaluator rejects an empty or short draft and a comparison that leaves out one of its papers.</li>
 * </ul>
 */
public final class PaperSummarizationBehavior implements SimulatedBehavior {

    private final ExtractiveSummarizer summarizer;
    private final PaperSettings settings;

    public PaperSummarizationBehavior(ExtractiveSummarizer summarizer) {
        this(summarizer, PaperSettings.defaults());
    }

    public PaperSummarizationBehavior(ExtractiveSummarizer summarizer, PaperSettings settings) {
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PaperSettings settings() {
        return settings;
    }

    @Override
    public SimulatedReply respond(ChatRequest request) {
        PromptView view = new PromptView(request.messages());
        List<String> offered = request.toolSpecifications().stream().map(ToolSpecification::name).toList();
        return switch (view.role) {
            case PLANNER -> SimulatedReply.text(plan(view));
            case ACTOR -> act(view, offered);
            case EVALUATOR -> SimulatedReply.text(evaluate(view));
            case OTHER -> SimulatedReply.text(summarizer.summarize(view.request, Budget.words(settings.summaryWords())));
        };
    }

    // --- what the request is about ------------------------------------------------------------------

    /** The task with an implicit reference resolved from the earlier turns the prompt shows; empty if none. */
    static Optional<PaperTask> resolve(PaperTask task, PromptView view) {
        if (!task.implicit()) {
            return Optional.of(task);
        }
        List<String> recent = view.currentPapers();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        return switch (task.kind()) {
            case IMPLICIT_QUESTION -> Optional.of(task.resolved(List.of(recent.get(0))));
            case COMPARE_FIRST -> {
                List<String> pair = new ArrayList<>(List.of(recent.get(0)));
                view.firstPapers().stream().filter(p -> !pair.contains(p)).findFirst().ifPresent(pair::add);
                yield Optional.of(task.resolved(pair));
            }
            case SHORTER -> view.latest().map(PromptView.Exchange::answer).orElse("").isBlank() ? Optional.empty()
                    : Optional.of(task.resolved(recent));
            default -> Optional.of(task);
        };
    }

    private static String needContext(PaperTask task) {
        return Prompts.NEED_CONTEXT + " the request \"" + task.question() + "\" refers to an earlier turn of this "
                + "conversation, and nothing in my context says which paper or answer it means. Which one?";
    }

    private static List<String> targets(PaperTask task, PromptView view) {
        if (task.kind() != PaperTask.Kind.SEARCH) {
            return task.papers();
        }
        return searchResult(task, view).map(s -> {
            Matcher m = PromptView.PAPER_ID.matcher(s.content());
            return m.find() ? List.of(m.group(1)) : List.<String>of();
        }).orElse(List.of());
    }

    /** This request's search: an earlier turn's search for other words does not answer it. */
    private static Optional<PromptView.Seen> searchResult(PaperTask task, PromptView view) {
        for (int i = view.seen.size() - 1; i >= 0; i--) {
            PromptView.Seen s = view.seen.get(i);
            if ("search_papers".equals(s.tool()) && !s.error()
                    && JsonArgs.string(s.arguments(), "query").equals(task.query())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * An earlier answer that answers this request as it stands: the same papers and the same kind of request
     * (and the same section), unless {@code memory_answers: same-paper} lets any answer about the paper do.
     */
    Optional<String> coveredByMemory(PaperTask task, PromptView view) {
        if (!view.feedback.isEmpty() || task.implicit() || task.kind() == PaperTask.Kind.SEARCH
                || task.kind() == PaperTask.Kind.OTHER) {
            return Optional.empty();
        }
        for (int i = view.exchanges.size() - 1; i >= 0; i--) {
            PromptView.Exchange e = view.exchanges.get(i);
            if (e.answer().isBlank()) {
                continue;
            }
            PaperTask prior = PaperTask.parse(e.request());
            PaperTask.Kind kind = prior.kind() == PaperTask.Kind.SEARCH ? PaperTask.Kind.PAPER : prior.kind();
            List<String> papers = prior.kind() == PaperTask.Kind.SEARCH ? e.papers() : prior.papers();
            boolean covers = "same-paper".equals(settings.memoryAnswers())
                    ? task.kind() == PaperTask.Kind.PAPER && e.papers().contains(task.papers().get(0))
                    : kind == task.kind() && papers.equals(task.papers()) && prior.section().equals(task.section())
                            && prior.question().equals(task.question());
            if (covers) {
                return Optional.of(e.answer());
            }
        }
        return Optional.empty();
    }

    // --- planner ------------------------------------------------------------------------------------

    String plan(PromptView view) {
        Optional<PaperTask> resolved = resolve(PaperTask.parse(view.request), view);
        if (resolved.isEmpty()) {
            return "{\"steps\":[],\"answer_from\":\"ask\"}";
        }
        PaperTask task = resolved.get();
        if (task.kind() == PaperTask.Kind.SHORTER) {
            return "{\"steps\":[],\"answer_from\":\"memory\"}";
        }
        if (coveredByMemory(task, view).isPresent()) {
            return "{\"steps\":[],\"answer_from\":\"memory\"}";
        }
        List<String> steps = new ArrayList<>();
        String answerFrom = "tools";
        List<String> targets = targets(task, view);
        if (task.kind() == PaperTask.Kind.SEARCH && targets.isEmpty()) {
            steps.add(step("search_papers", JsonArgs.object("query", task.query(), "limit", 5),
                    "find the paper the user describes"));
            steps.add(step("fetch_paper", "{\"paper_id\":\"<best match>\"}", "read the best match"));
        }
        for (String paper : targets) {
            if (!view.textsOf(paper).isEmpty()) {
                answerFrom = "observations";
            } else if (!view.partsOf(paper).isEmpty()) {
                steps.add(step(ArtifactRefs.READ_TOOL, "{\"ref\":\"" + view.partsOf(paper).get(0).ref() + "\"}",
                        "read the parts of the stored paper the answer needs"));
            } else if (task.kind() == PaperTask.Kind.SECTION) {
                steps.add(step("get_section", JsonArgs.object("paper_id", paper, "section", task.section()),
                        "read the requested section"));
            } else {
                steps.add(step("fetch_paper", JsonArgs.object("paper_id", paper), "read the paper"));
            }
        }
        if (!view.feedback.isEmpty()) {
            steps.add(step(ArtifactRefs.READ_TOOL, "{}", "address the evaluator's feedback: " + view.feedback));
        }
        return "{\"steps\":[" + String.join(",", steps) + "],\"answer_from\":\"" + answerFrom + "\"}";
    }

    private static String step(String tool, String args, String why) {
        return "{\"tool\":\"" + tool + "\",\"arguments\":" + args + ",\"why\":" + JsonArgs.JSON.valueToTree(why) + "}";
    }

    // --- actor --------------------------------------------------------------------------------------

    SimulatedReply act(PromptView view, List<String> offered) {
        PaperTask parsed = PaperTask.parse(view.request);
        Optional<PaperTask> resolved = resolve(parsed, view);
        if (resolved.isEmpty()) {
            return SimulatedReply.text(needContext(parsed));
        }
        PaperTask task = resolved.get();
        if (task.kind() == PaperTask.Kind.SHORTER) {
            String previous = view.latest().orElseThrow().answer();
            int words = Math.max(20, (int) Math.round(words(previous) * settings.shorterShare()));
            return SimulatedReply.text(summarizer.summarize(previous, Budget.words(words)));
        }
        Optional<String> remembered = coveredByMemory(task, view);
        if (remembered.isPresent()) {
            return SimulatedReply.text(remembered.get());
        }
        if (task.kind() == PaperTask.Kind.SEARCH && searchResult(task, view).isEmpty()) {
            return SimulatedReply.toolCall("search_papers", JsonArgs.object("query", task.query(), "limit", 5));
        }
        List<String> targets = targets(task, view);
        if (targets.isEmpty()) {
            return SimulatedReply.text("I could not find a paper matching the request in the library.");
        }
        List<SimulatedReply.ToolCall> calls = needed(task, view, targets, offered);
        if (!calls.isEmpty()) {
            return SimulatedReply.toolCalls(calls);
        }
        return SimulatedReply.text(answer(task, view, targets));
    }

    private List<SimulatedReply.ToolCall> needed(PaperTask task, PromptView view, List<String> targets,
                                                 List<String> offered) {
        List<SimulatedReply.ToolCall> calls = new ArrayList<>();
        List<List<PromptView.Part>> toRead = new ArrayList<>();
        for (String paper : targets) {
            if (task.kind() == PaperTask.Kind.SECTION) {
                calls.addAll(sectionCalls(task, view, paper, offered));
                continue;
            }
            if (hasFullText(view, paper)) {
                continue;
            }
            List<PromptView.Part> parts = view.partsOf(paper);
            if (!parts.isEmpty() && offered.contains(ArtifactRefs.READ_TOOL)) {
                toRead.add(parts);
            } else if (view.textsOf(paper).isEmpty()) {
                calls.add(new SimulatedReply.ToolCall("fetch_paper", JsonArgs.object("paper_id", paper)));
            }
        }
        if (!toRead.isEmpty()) {
            int rejections = view.feedback.isEmpty() ? 0 : 1;
            long budget = settings.readBudgetBytes() << Math.min(4, rejections);
            for (PromptView.Part p : choose(toRead, budget, rejections > 0, task, settings.sectionPriority())) {
                if (!view.wasRead(p)) {
                    calls.add(read(p));
                }
            }
        }
        return calls;
    }

    private static List<SimulatedReply.ToolCall> sectionCalls(PaperTask task, PromptView view, String paper,
                                                              List<String> offered) {
        if (!sectionText(view, paper, task.section()).isEmpty()) {
            return List.of();
        }
        Optional<PromptView.Part> part = Stream.concat(view.sectionPartsOf(paper).stream(),
                        view.partsOf(paper).stream())
                .filter(p -> p.title().equalsIgnoreCase(task.section())).findFirst();
        if (part.isPresent() && offered.contains(ArtifactRefs.READ_TOOL)) {
            return List.of(read(part.get()));
        }
        return List.of(new SimulatedReply.ToolCall("get_section",
                JsonArgs.object("paper_id", paper, "section", task.section())));
    }

    private static SimulatedReply.ToolCall read(PromptView.Part p) {
        return new SimulatedReply.ToolCall(ArtifactRefs.READ_TOOL,
                JsonArgs.object("ref", p.ref(), "offset", p.offset(), "length", p.length()));
    }

    /**
     * The parts a reader picks within the budget. First round: the papers in request order, each paper's parts
     * by priority, every part that still fits (so a long first paper can leave nothing for the second). After a
     * rejection: the budget split evenly over the papers. Always at least one part, and after a rejection at
     * least one part of every paper.
     */
    static List<PromptView.Part> choose(List<List<PromptView.Part>> papers, long budget, boolean even,
                                        PaperTask task, List<String> priority) {
        List<PromptView.Part> chosen = new ArrayList<>();
        long used = 0;
        long share = even ? Math.max(1, budget / papers.size()) : budget;
        for (List<PromptView.Part> parts : papers) {
            List<PromptView.Part> ranked = new ArrayList<>(parts);
            ranked.sort(Comparator.comparingInt((PromptView.Part p) -> rank(p.title(), task, priority))
                    .thenComparingLong(PromptView.Part::offset));
            long paperUsed = 0;
            for (PromptView.Part p : ranked) {
                boolean first = chosen.isEmpty() || (even && paperUsed == 0);
                boolean fits = even ? paperUsed + p.length() <= share : used + p.length() <= budget;
                if (first || fits) {
                    chosen.add(p);
                    used += p.length();
                    paperUsed += p.length();
                }
            }
        }
        return chosen;
    }

    /** A question about methods, limitations or results reads the matching part first; then the priority. */
    private static int rank(String title, PaperTask task, List<String> priority) {
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
        for (int i = 0; i < priority.size(); i++) {
            if (t.contains(priority.get(i)) && !t.contains(" / ")) {
                return 1 + i;
            }
        }
        return priority.size() + (t.contains(" / ") ? 2 : 1);
    }

    // --- answers ------------------------------------------------------------------------------------

    String answer(PaperTask task, PromptView view, List<String> targets) {
        return switch (task.kind()) {
            case SECTION -> summarizer.summarize(sectionText(view, targets.get(0), task.section()),
                    Budget.words(settings.sectionWords()));
            case COMPARE, COMPARE_FIRST -> {
                StringBuilder sb = new StringBuilder();
                int n = 0;
                for (String p : targets) {
                    String text = paperText(view, p);
                    if (text.isBlank()) {
                        continue; // nothing of this paper in context: the draft cannot speak for it
                    }
                    String part = task.kind() == PaperTask.Kind.COMPARE_FIRST
                            ? summarizer.answer(task.question(), text, Budget.words(settings.compareWordsPerPaper()))
                            : summarizer.summarize(text, Budget.words(settings.compareWordsPerPaper()));
                    sb.append("Paper ").append(++n).append(" (").append(p).append("): ").append(part).append("\n\n");
                }
                yield sb.toString().strip();
            }
            case FOLLOW_UP, IMPLICIT_QUESTION -> summarizer.answer(task.question(), paperText(view, targets.get(0)),
                    Budget.words(settings.followUpWords()));
            default -> summarizer.summarize(paperText(view, targets.get(0)), Budget.words(settings.summaryWords()));
        };
    }

    private static String paperText(PromptView view, String paper) {
        return clean(String.join("\n", view.textsOf(paper)));
    }

    static String sectionText(PromptView view, String paper, String section) {
        for (PromptView.Seen s : view.seen) {
            if (!s.error() && !s.isReference() && "get_section".equals(s.tool())
                    && PromptView.paperOf(s.arguments()).orElse("").equals(paper)
                    && JsonArgs.string(s.arguments(), "section").equalsIgnoreCase(section)) {
                return clean(s.content());
            }
        }
        for (PromptView.Part p : Stream.concat(view.sectionPartsOf(paper).stream(), view.partsOf(paper).stream())
                .toList()) {
            if (p.title().equalsIgnoreCase(section)) {
                for (PromptView.Seen s : view.seen) {
                    if (ArtifactRefs.READ_TOOL.equals(s.tool()) && JsonArgs.integer(s.arguments(), "offset") == p.offset()
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

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    // --- evaluator ----------------------------------------------------------------------------------

    String evaluate(PromptView view) {
        PaperTask parsed = PaperTask.parse(view.request);
        PaperTask task = resolve(parsed, view).orElse(parsed);
        String answer = view.answer.strip();
        int words = words(answer);
        if (answer.isEmpty()) {
            return reject("The draft is empty: carry out the plan and write the answer.");
        }
        if (words < task.minimumWords()) {
            return reject("The draft has only " + words + " words; read more of the paper and write at least "
                    + task.minimumWords() + " words.");
        }
        if (task.comparison()) {
            for (String p : task.papers()) {
                if (!answer.contains(p)) {
                    return reject("The draft must address both papers; it does not cover " + p + ". Read it.");
                }
            }
        }
        return "{\"verdict\":\"accept\",\"feedback\":\"\"}";
    }

    private static String reject(String feedback) {
        return "{\"verdict\":\"reject\",\"feedback\":" + JsonArgs.JSON.valueToTree(feedback) + "}";
    }
}
