package dev.fameharness.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one layout of the working state in a prompt, rendered and parsed by this class only: the agent renders
 * it, a simulated model (and any test) parses it back with {@link #parse}. Every architecture uses the same
 * layout; architectures change only what the state holds (bytes or references, memory or none).
 *
 * <pre>
 * ## Request
 * &lt;request&gt;
 *
 * ## Session memory
 * - [&lt;kind&gt; from &lt;turn&gt; about: "&lt;subject, JSON string&gt;"] &lt;text, escaped to one line&gt;
 *
 * ## Plan              (actor only)
 * ## Observations
 * ### [1] &lt;tool&gt; &lt;arguments&gt;[ (error)]
 * &lt;content&gt;
 * ## Draft answer      (planner and evaluator)
 * ## Evaluator feedback (when there is any)
 * </pre>
 *
 * <p>Memory notes of the conversation transcript ({@link MemoryNote#TRANSCRIPT_KINDS}: what a client sends back
 * every turn) are always shown in full: that is what carrying the conversation means. Notes of a stored
 * working memory are shown in full only when they share an identifier with the request or belong to the latest
 * remembered turn (what an implicit reference such as "it" or "your last answer" points to); otherwise only
 * their subject is shown, so memory costs tokens only where it can help.
 */
public final class PromptFormat {

    public static final String REQUEST = "## Request";
    public static final String MEMORY = "## Session memory";
    public static final String PLAN = "## Plan";
    public static final String OBSERVATIONS = "## Observations";
    public static final String ANSWER = "## Draft answer";
    public static final String FEEDBACK = "## Evaluator feedback";
    public static final String EMPTY = "(none)";
    /** What a memory note shows instead of its text when it is not related to the request. */
    public static final String INDEXED = "(not related to this request; text omitted)";

    private static final List<String> HEADINGS = List.of(REQUEST, MEMORY, PLAN, OBSERVATIONS, ANSWER, FEEDBACK);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMORY_LINE =
            Pattern.compile("^- \\[(\\S+) from (\\S+) about: (\".*?(?<!\\\\)(?:\\\\\\\\)*\")] (.*)$");
    private static final Pattern OBS_HEADER = Pattern.compile("^### \\[\\d+] (\\S+) (.*?)( \\(error\\))?$");

    private PromptFormat() {
    }

    /** A memory note as a prompt shows it; {@code shown} is false when only its subject is visible. */
    public record Note(String kind, String turnId, String subject, String text, boolean shown) {
    }

    /** Everything a rendered state holds, as a model reads it back. Absent sections are empty. */
    public record Parsed(String request, List<Note> memory, String plan, List<Observation> observations,
                         String answer, String feedback) {
    }

    /** The working state as every role sees it. */
    public static String render(AgentState state, boolean withPlan, boolean withAnswer) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(REQUEST).append('\n').append(state.request()).append("\n\n");
        sb.append(MEMORY).append('\n');
        if (state.memory().isEmpty()) {
            sb.append(EMPTY).append('\n');
        }
        Set<String> requestTerms = terms(state.request());
        String latestTurn = state.memory().isEmpty() ? "" : state.memory().get(state.memory().size() - 1).turnId();
        for (MemoryNote n : state.memory()) {
            boolean shown = n.isTranscript() || n.turnId().equals(latestTurn)
                    || terms(n.subject()).stream().anyMatch(requestTerms::contains);
            sb.append("- [").append(n.kind()).append(" from ").append(n.turnId()).append(" about: ")
                    .append(quote(n.subject())).append("] ")
                    .append(shown ? escape(n.text()) : INDEXED).append('\n');
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
            sb.append("### [").append(i++).append("] ").append(o.tool()).append(' ').append(oneLine(o.arguments()))
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

    /** Whom a request is for, from the first words of its system prompt ({@link Prompts}). */
    public enum Role { PLANNER, ACTOR, EVALUATOR, OTHER }

    /**
     * A tool result the conversation holds, with the call it answers: the tool's name and JSON arguments (those of
     * the assistant message that made the call; the result's own tool name and {@code "{}"} when that message is
     * not in the request).
     */
    public record ToolResult(String tool, String arguments, String text, boolean error) {
    }

    /**
     * A chat request as a scenario policy reads it: its role, its first user message as sent and parsed, and the
     * tool results of the conversation in order. The one reading of chat messages every policy shares.
     */
    public record Conversation(Role role, String user, Parsed state, List<ToolResult> toolResults) {

        /** The user's request: the parsed one, or the whole user message of a prompt not in this format. */
        public String request() {
            return role == Role.OTHER && state.request().isEmpty() ? user.strip() : state.request();
        }
    }

    /** Reads a request's messages: the first system and user messages, and every tool result with its call. */
    public static Conversation read(List<dev.langchain4j.data.message.ChatMessage> messages) {
        String system = "";
        String user = "";
        Map<String, dev.langchain4j.agent.tool.ToolExecutionRequest> calls = new LinkedHashMap<>();
        List<ToolResult> results = new ArrayList<>();
        for (dev.langchain4j.data.message.ChatMessage m : messages) {
            if (m instanceof dev.langchain4j.data.message.SystemMessage s && system.isEmpty()) {
                system = s.text();
            } else if (m instanceof dev.langchain4j.data.message.UserMessage u && user.isEmpty()) {
                user = u.singleText();
            } else if (m instanceof dev.langchain4j.data.message.AiMessage ai && ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests().forEach(r -> calls.put(r.id(), r));
            } else if (m instanceof dev.langchain4j.data.message.ToolExecutionResultMessage t) {
                var call = calls.get(t.id());
                results.add(new ToolResult(call != null ? call.name() : t.toolName(),
                        call != null ? call.arguments() : "{}", t.text(), Boolean.TRUE.equals(t.isError())));
            }
        }
        Role role = system.startsWith("You are the PLANNER") ? Role.PLANNER
                : system.startsWith("You are the ACTOR") ? Role.ACTOR
                : system.startsWith("You are the EVALUATOR") ? Role.EVALUATOR : Role.OTHER;
        return new Conversation(role, user, parse(user), List.copyOf(results));
    }

    /**
     * Reads a rendered state back. Observations come back with an empty {@code ref} (a prompt shows a
     * reference's description, which {@link ArtifactRefs#refOf} finds in the content).
     */
    public static Parsed parse(String rendered) {
        Map<String, String> sections = sections(rendered);
        List<Note> memory = new ArrayList<>();
        for (String line : sections.getOrDefault(MEMORY, "").split("\n")) {
            Matcher m = MEMORY_LINE.matcher(line);
            if (m.matches()) {
                boolean shown = !INDEXED.equals(m.group(4));
                memory.add(new Note(m.group(1), m.group(2), unquote(m.group(3)), shown ? unescape(m.group(4)) : "",
                        shown));
            }
        }
        return new Parsed(sections.getOrDefault(REQUEST, "").strip(), List.copyOf(memory),
                sections.getOrDefault(PLAN, "").strip(), observations(sections.getOrDefault(OBSERVATIONS, "")),
                sections.getOrDefault(ANSWER, "").strip(), sections.getOrDefault(FEEDBACK, "").strip());
    }

    /**
     * Identifiers in a text (tokens of 6+ characters with a digit, such as paper ids, DOIs or log system
     * names with versions): a stored note is shown in full when its subject shares one with the request.
     */
    public static Set<String> terms(String text) {
        Set<String> out = new HashSet<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9.\\-]+")) {
            String w = t.replaceAll("^[.\\-]+|[.\\-]+$", "");
            if (w.length() >= 6 && w.chars().anyMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Observation> observations(String text) {
        List<Observation> out = new ArrayList<>();
        String tool = null;
        String args = null;
        boolean error = false;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = OBS_HEADER.matcher(line);
            if (m.matches()) {
                if (tool != null) {
                    out.add(new Observation(tool, args, trimObservation(content), "", error));
                }
                tool = m.group(1);
                args = m.group(2);
                error = m.group(3) != null;
                content.setLength(0);
            } else if (tool != null) {
                content.append(line).append('\n');
            }
        }
        if (tool != null) {
            out.add(new Observation(tool, args, trimObservation(content), "", error));
        }
        return List.copyOf(out);
    }

    /** The content without the line break render adds after it and the blank line before the next section. */
    private static String trimObservation(StringBuilder content) {
        String c = content.toString();
        while (c.endsWith("\n")) {
            c = c.substring(0, c.length() - 1);
        }
        return c;
    }

    /** Splits at the known headings, in their order (a heading inside a tool output does not split). */
    private static Map<String, String> sections(String user) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : user.split("\n", -1)) {
            String h = line.strip();
            if (HEADINGS.contains(h) && (current == null || HEADINGS.indexOf(h) > HEADINGS.indexOf(current))) {
                if (current != null) {
                    out.put(current, body.toString());
                }
                current = h;
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, body.toString());
        }
        out.replaceAll((k, v) -> EMPTY.equals(v.strip()) ? "" : v);
        return out;
    }

    private static String oneLine(String arguments) {
        return arguments.replace('\n', ' ');
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String s) {
        try {
            return JSON.readValue(s, String.class);
        } catch (JsonProcessingException e) {
            return s;
        }
    }

    /** One line per note: backslashes doubled, line breaks written as {@code \n}. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
