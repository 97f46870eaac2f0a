package dev.fameharness.agent;

import java.util.Objects;

/**
 * One entry of a session's memory. Two kinds of memory use it:
 * <ul>
 *   <li>a stored working memory (FAME, single store): what an earlier turn concluded ({@link #ANSWER}, its
 *       request and the tool calls it made as the subject) and the artifacts it stored ({@link #ARTIFACT});</li>
 *   <li>the conversation transcript a client sends back every turn (stateless-payload): every earlier request
 *       ({@link #USER}), tool call with its whole output ({@link #TOOL}) and answer ({@link #ASSISTANT}).</li>
 * </ul>
 */
public record MemoryNote(String turnId, String kind, String subject, String text) {

    public static final String ANSWER = "answer";
    public static final String ARTIFACT = "artifact";
    public static final String USER = "user";
    public static final String TOOL = "tool";
    public static final String ASSISTANT = "assistant";
    /** Kinds of the conversation transcript, always shown in full. */
    public static final java.util.Set<String> TRANSCRIPT_KINDS = java.util.Set.of(USER, TOOL, ASSISTANT);

    public MemoryNote {
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** True for a note of the conversation transcript a client carries. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isTranscript() {
        return TRANSCRIPT_KINDS.contains(kind);
    }
}
