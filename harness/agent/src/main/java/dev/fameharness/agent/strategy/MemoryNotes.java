package dev.fameharness.agent.strategy;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished turn leaves in a session's memory. Two policies, one per kind of memory:
 * {@link #working} for a stored working memory (small: the answer, which tool calls produced it, and the
 * artifact references it stored) and {@link #transcript} for the conversation a client carries (everything:
 * the request, every tool call with its whole output, the answer).
 */
public final class MemoryNotes {

    /** Longest answer kept in a working-memory note (characters); answers of the workloads are shorter. */
    static final int ANSWER_CHARS = 4_000;
    /** Longest artifact description (outline) kept in a working-memory note (characters). */
    static final int ARTIFACT_CHARS = 1_500;

    private MemoryNotes() {
    }

    /**
     * The answer, with the request and the tool calls that produced it as its subject (so a later request
     * that refers to "it" can find what it was about), and one note per stored artifact reference.
     */
    public static List<MemoryNote> working(AgentState state) {
        List<MemoryNote> notes = new ArrayList<>();
        notes.add(new MemoryNote(state.turnId(), MemoryNote.ANSWER, subject(state), cut(state.answer(), ANSWER_CHARS)));
        for (Observation o : state.observations()) {
            if (o.isReference() && !o.error()) {
                notes.add(new MemoryNote(state.turnId(), MemoryNote.ARTIFACT, o.tool() + " " + o.arguments(),
                        cut(o.content(), ARTIFACT_CHARS)));
            }
        }
        return notes;
    }

    /** The whole exchange: request, every tool call with its output as the actor saw it, answer. */
    public static List<MemoryNote> transcript(AgentState state) {
        List<MemoryNote> notes = new ArrayList<>();
        notes.add(new MemoryNote(state.turnId(), MemoryNote.USER, "request", state.request()));
        for (Observation o : state.observations()) {
            notes.add(new MemoryNote(state.turnId(), MemoryNote.TOOL, o.tool() + " " + o.arguments(), o.content()));
        }
        notes.add(new MemoryNote(state.turnId(), MemoryNote.ASSISTANT, "answer", state.answer()));
        return notes;
    }

    /** The request and the successful tool calls of the turn, on one line. */
    static String subject(AgentState state) {
        StringBuilder sb = new StringBuilder(state.request().replace('\n', ' '));
        List<String> calls = new ArrayList<>();
        for (Observation o : state.observations()) {
            String call = o.tool() + " " + o.arguments().replace('\n', ' ');
            if (!o.error() && !calls.contains(call)) {
                calls.add(call);
            }
        }
        if (!calls.isEmpty()) {
            sb.append(" [used: ").append(String.join("; ", calls)).append(']');
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
