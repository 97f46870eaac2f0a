package dev.fameharness.scenario.logs.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.Prompts;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model can see in one request, parsed from the prompt text only (the agent's rendered state and
 * the actor's own tool results): the role, the request, the memory notes (an unrelated note shows only its
 * subject) and every tool result with its arguments. Nothing here reads state outside the prompt.
 */
final class LogPromptView {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBS_HEADER = Pattern.compile("^### \\[\\d+] (\\S+) (.*?)( \\(error\\))?$");
    private static final Pattern MEMORY_LINE = Pattern.compile("^- \\[(\\S+) from (\\S+) about: (.*?)] (.*)$");

    enum Role { PLANNER, ACTOR, EVALUATOR, OTHER }

    /** A tool result in view. */
    record Seen(String tool, Map<String, Object> args, String content, boolean error) {
        boolean isReference() {
            return ArtifactRefs.refOf(content).isPresent();
        }
    }

    /** A memory note as rendered; {@code text} is {@link Prompts#INDEXED} when the prompt hides it. */
    record Note(String kind, String turn, String about, String text) {
    }

    final Role role;
    final String request;
    final String answer;
    final List<Note> memory = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();

    LogPromptView(List<ChatMessage> messages) {
        String system = "";
        String user = "";
        Map<String, ToolExecutionRequest> calls = new LinkedHashMap<>();
        List<Seen> conversation = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s && system.isEmpty()) {
                system = s.text();
            } else if (m instanceof UserMessage u && user.isEmpty()) {
                user = u.singleText();
            } else if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests().forEach(r -> calls.put(r.id(), r));
            } else if (m instanceof ToolExecutionResultMessage t) {
                ToolExecutionRequest call = calls.get(t.id());
                String tool = call != null ? call.name() : t.toolName();
                conversation.add(new Seen(tool, args(call != null ? call.arguments() : "{}"), t.text(),
                        false));
            }
        }
        role = system.startsWith("You are the PLANNER") ? Role.PLANNER
                : system.startsWith("You are the ACTOR") ? Role.ACTOR
                : system.startsWith("You are the EVALUATOR") ? Role.EVALUATOR : Role.OTHER;
        Map<String, String> sections = sections(user);
        request = sections.getOrDefault(Prompts.REQUEST, role == Role.OTHER ? user : "").strip();
        answer = sections.getOrDefault(Prompts.ANSWER, "").strip();
        for (String line : sections.getOrDefault(Prompts.MEMORY, "").split("\n")) {
            Matcher m = MEMORY_LINE.matcher(line);
            if (m.matches()) {
                memory.add(new Note(m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        seen.addAll(observations(sections.getOrDefault(Prompts.OBSERVATIONS, "")));
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

    private static List<Seen> observations(String text) {
        List<Seen> out = new ArrayList<>();
        String tool = null;
        String arguments = null;
        boolean error = false;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = OBS_HEADER.matcher(line);
            if (m.matches()) {
                if (tool != null) {
                    out.add(new Seen(tool, args(arguments), content.toString().strip(), error));
                }
                tool = m.group(1);
                arguments = m.group(2);
                error = m.group(3) != null;
                content.setLength(0);
            } else if (tool != null) {
                content.append(line).append('\n');
            }
        }
        if (tool != null) {
            out.add(new Seen(tool, args(arguments), content.toString().strip(), error));
        }
        return out;
    }

    /** Splits the rendered state at its known "## " headings. */
    private static Map<String, String> sections(String user) {
        List<String> known = List.of(Prompts.REQUEST, Prompts.MEMORY, Prompts.PLAN, Prompts.OBSERVATIONS,
                Prompts.ANSWER, Prompts.FEEDBACK);
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : user.split("\n", -1)) {
            if (known.contains(line.strip()) && (current == null || known.indexOf(line.strip()) > known.indexOf(current))) {
                if (current != null) {
                    out.put(current, body.toString());
                }
                current = line.strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, body.toString());
        }
        out.replaceAll((k, v) -> Prompts.EMPTY.equals(v.strip()) ? "" : v);
        return out;
    }
}
