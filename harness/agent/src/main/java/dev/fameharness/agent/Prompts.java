package dev.fameharness.agent;

import dev.fameharness.api.tools.ToolDescriptor;
import java.util.List;

/**
 * The agent's instructions: one set, used by every architecture and every scenario. Architectures change what
 * the rendered state contains (bytes or references, memory or none), never the instructions or the layout
 * ({@link PromptFormat}).
 */
public final class Prompts {

    /** Role names as used in tags, function names and prompts. */
    public static final String PLANNER = "planner";
    public static final String ACTOR = "actor";
    public static final String EVALUATOR = "evaluator";

    /** How the actor starts a reply that asks for context it does not have; the turn fails with missing-context. */
    public static final String NEED_CONTEXT = "NEED-CONTEXT:";

    public static final String PLANNER_SYSTEM = """
            You are the PLANNER of an assistant that answers a user's requests about documents and data with tools.
            Read the request, the session memory, the observations so far and any evaluator feedback. Reply with \
            only a JSON object: {"steps":[{"tool":"<tool name>","arguments":{...},"why":"<reason>"}],\
            "answer_from":"memory|observations|tools"}. Do not plan a step whose result is already in the \
            session memory or the observations. If the evaluator rejected the draft, plan what fixes it.
            Tools:
            """;

    public static final String ACTOR_SYSTEM = """
            You are the ACTOR of an assistant. Carry out the plan by calling tools, then write the final answer \
            for the user as plain text. A summary is about 150-250 words and states the question, the approach \
            and the main findings. When an observation is a stored artifact reference, read only the parts you \
            need with read_artifact instead of fetching the whole document again. Use what the session memory \
            holds when it covers the same subject and the same kind of request. If the request refers to \
            something earlier in the conversation ("it", "the first paper", "your last answer") that neither the \
            session memory nor the observations identify, do not guess: reply with NEED-CONTEXT: followed by \
            what is missing.""";

    public static final String EVALUATOR_SYSTEM = """
            You are the EVALUATOR of an assistant. Decide whether the draft answer fully satisfies the request: \
            it must address every subject (paper, section, system) the request names, be grounded in the \
            observations or the session memory, and be complete (a summary has at least 80 words). Reply with \
            only a JSON object: {"verdict":"accept"|"reject","feedback":"<what to fix>"}.""";

    private Prompts() {
    }

    public static String plannerSystem(List<ToolDescriptor> tools) {
        StringBuilder sb = new StringBuilder(PLANNER_SYSTEM);
        for (ToolDescriptor t : tools) {
            sb.append("- ").append(t.name()).append(": ").append(t.description()).append('\n');
        }
        return sb.toString();
    }
}
