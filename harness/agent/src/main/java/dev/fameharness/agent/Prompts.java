package dev.fameharness.agent;

import dev.fameharness.api.tools.ToolDescriptor;
import java.util.List;

/**
 * The agent's prompts: one set, used by every architecture. Architectures change what the rendered state
 * contains (bytes or references, memory or none), never the instructions or the layout. Section headings are
 * constants so that simulated models and tests can find them.
 */
public final class Prompts {

    public static final String REQUEST = "## Request";
    public static final String MEMORY = "## Session memory";
    public static final String PLAN = "## Plan";
    public static final String OBSERVATIONS = "## Observations";
    public static final String ANSWER = "## Draft answer";
    public static final String FEEDBACK = "## Evaluator feedback";
    public static final String EMPTY = "(none)";
    /** How a line break inside a memory note is written, so that each note stays on one line. */
    public static final String NEWLINE = " \\n ";

    /** Role names as used in tags, function names and prompts. */
    public static final String PLANNER = "planner";
    public static final String ACTOR = "actor";
    public static final String EVALUATOR = "evaluator";

    public static final String PLANNER_SYSTEM = """
            You are the PLANNER of a research assistant that answers requests about scientific papers with tools.
            Read the request, the session memory, the observations so far and any evaluator feedback. Reply with \
            only a JSON object: {"steps":[{"tool":"<tool name>","arguments":{...},"why":"<reason>"}],\
            "answer_from":"memory|observations|tools"}. Do not plan a step whose result is already in the \
            session memory or the observations. If the evaluator rejected the draft, plan what fixes it.
            Tools:
            """;

    public static final String ACTOR_SYSTEM = """
            You are the ACTOR of a research assistant. Carry out the plan by calling tools, then write the final \
            answer for the user as plain text. A summary is about 150-250 words and states the question, the \
            approach and the main findings. When an observation is a stored artifact reference, read only the \
            parts you need with read_artifact instead of fetching the whole document again. Use what the \
            session memory already holds.""";

    public static final String EVALUATOR_SYSTEM = """
            You are the EVALUATOR of a research assistant. Decide whether the draft answer fully satisfies the \
            request: it must address every paper or section the request names, be grounded in the \
            observations or the session memory, and be complete (a summary has at least 80 words). Reply with \
            only a JSON object: {"verdict":"accept"|"reject","feedback":"<what to fix>"}.""";

    /** What a memory note unrelated to the request shows instead of its text. */
    public static final String INDEXED = "(not related to this request; text omitted)";

    private Prompts() {
    }

    /**
     * Identifiers in a text (tokens of 6+ characters with a digit, such as paper ids or DOIs): a memory note
     * is shown in full only when its subject shares one with the request, so memory costs tokens only where
     * it helps.
     */
    static java.util.Set<String> terms(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String t : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9.\\-]+")) {
            String w = t.replaceAll("^[.\\-]+|[.\\-]+$", "");
            if (w.length() >= 6 && w.chars().anyMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    public static String plannerSystem(List<ToolDescriptor> tools) {
        StringBuilder sb = new StringBuilder(PLANNER_SYSTEM);
        for (ToolDescriptor t : tools) {
            sb.append("- ").append(t.name()).append(": ").append(t.description()).append('\n');
        }
        return sb.toString();
    }

    /** The working state as every role sees it. */
    public static String render(AgentState state, boolean withPlan, boolean withAnswer) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(REQUEST).append('\n').append(state.request()).append("\n\n");
        sb.append(MEMORY).append('\n');
        if (state.memory().isEmpty()) {
            sb.append(EMPTY).append('\n');
        }
        java.util.Set<String> requestTerms = terms(state.request());
        for (MemoryNote n : state.memory()) {
            boolean relevant = terms(n.subject()).stream().anyMatch(requestTerms::contains);
            sb.append("- [").append(n.kind()).append(" from ").append(n.turnId()).append(" about: ")
                    .append(n.subject()).append("] ");
            if (relevant) {
                sb.append(n.text().replace("\n", NEWLINE)).append('\n');
            } else {
                sb.append(INDEXED).append('\n');
            }
        }
        sb.append('\n');
        if (withPlan) {
            sb.append(PLAN).append('\n').append(state.plan().isEmpty() ? EMPTY : state.plan()).append("\n\n");
        }
        sb.append(OBSERVATIONS).append('\n');
        if (state.observations().isEmpty()) {
            sb.append(EMPTY).append('\n');
        }
        int i = 1;
        for (Observation o : state.observations()) {
            sb.append("### [").append(i++).append("] ").append(o.tool()).append(' ').append(o.arguments())
                    .append(o.error() ? " (error)" : "").append('\n').append(o.content()).append('\n');
        }
        if (withAnswer) {
            sb.append('\n').append(ANSWER).append('\n').append(state.answer().isEmpty() ? EMPTY : state.answer())
                    .append('\n');
        }
        if (!state.feedback().isEmpty()) {
            sb.append('\n').append(FEEDBACK).append('\n').append(state.feedback()).append('\n');
        }
        return sb.toString();
    }
}
