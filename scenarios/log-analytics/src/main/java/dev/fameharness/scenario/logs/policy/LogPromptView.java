package dev.fameharness.scenario.logs.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.PromptFormat;
import dev.langchain4j.data.message.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model can see in one request, parsed from the prompt text only (the agent's rendered state and
 * the actor's own tool results): the role, the request, the memory notes (an unrelated note shows only its
 * subject) and every tool result with its arguments. Nothing here reads state outside the prompt.
 */
final class LogPromptView {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a note whose text the prompt hides shows instead. */
    static final String INDEXED = PromptFormat.INDEXED;
    private static final String USED = " [used: ";


    /** A tool result in view. */
    record Seen(String tool, Map<String, Object> args, String content, boolean error) {
        boolean isReference() {
            return ArtifactRefs.refOf(content).isPresent();
        }
    }

    /** A memory note as rendered; {@code text} is {@link #INDEXED} when the prompt hides it. */
    record Note(String kind, String turn, String about, String text) {
    }

    final PromptFormat.Role role;
    final String request;
    final String answer;
    final List<Note> memory = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();

    LogPromptView(List<ChatMessage> messages) {
        PromptFormat.Conversation read = PromptFormat.read(messages);
        List<Seen> conversation = new ArrayList<>();
        for (PromptFormat.ToolResult t : read.toolResults()) {
            conversation.add(new Seen(t.tool(), args(t.arguments()), t.text(), t.error()));
        }
        role = read.role();
        PromptFormat.Parsed state = read.state();
        request = read.request();
        answer = state.answer();
        // One view of the earlier turns whichever memory carries them: a stored working memory (answer notes
        // whose subject is the request and the calls it made) or a client transcript (request, tool outputs,
        // answer). Tool outputs a client sent back are as visible as this turn's.
        Map<String, String> requests = new LinkedHashMap<>();
        for (PromptFormat.Note n : state.memory()) {
            switch (n.kind()) {
                case MemoryNote.ANSWER -> {
                    int used = n.subject().indexOf(USED);
                    memory.add(new Note(MemoryNote.ANSWER, n.turnId(),
                            used < 0 ? n.subject() : n.subject().substring(0, used), n.shown() ? n.text() : INDEXED));
                }
                case MemoryNote.USER -> requests.put(n.turnId(), n.text());
                case MemoryNote.ASSISTANT -> memory.add(new Note(MemoryNote.ANSWER, n.turnId(),
                        requests.getOrDefault(n.turnId(), ""), n.text()));
                case MemoryNote.TOOL -> {
                    int space = n.subject().indexOf(' ');
                    seen.add(new Seen(space < 0 ? n.subject() : n.subject().substring(0, space),
                            args(space < 0 ? "{}" : n.subject().substring(space + 1)), n.text(), false));
                }
                default -> memory.add(new Note(n.kind(), n.turnId(), n.subject(), n.shown() ? n.text() : INDEXED));
            }
        }
        for (Observation o : state.observations()) {
            seen.add(new Seen(o.tool(), args(o.arguments()), o.content(), o.error()));
        }
        seen.addAll(conversation);
    }

    static Map<String, Object> args(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json == null || json.isBlank() ? "{}" : json,
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return m == null ? Map.of() : m;
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
