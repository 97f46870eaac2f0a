package dev.fameharness.scenario.papers.policy;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a model can see in one request, parsed from the prompt text only: the role (from the system
 * prompt), the request, memory notes, observations and the tool results of the current conversation. Nothing
 * here reads state outside the prompt.
 */
final class PromptView {

    static final Pattern PAPER_ID = Pattern.compile("\\b(journal\\.p[a-z]+\\.\\d{7}|elife-?\\d{5}(?:-v\\d+)?)\\b");
    private static final Pattern OBS_HEADER = Pattern.compile("^### \\[\\d+] (\\S+) (.*?)( \\(error\\))?$");
    private static final Pattern MEMORY_LINE = Pattern.compile("^- \\[(\\S+) from (\\S+) about: (.*?)] (.*)$");
    private static final Pattern PART = Pattern.compile("^- offset=(\\d+) length=(\\d+): (.*)$");

    enum Role { PLANNER, ACTOR, EVALUATOR, OTHER }

    /** One tool result visible in the prompt: the tool, its arguments, its content. */
    record Seen(String tool, String arguments, String content, boolean error) {
        boolean isReference() {
            return ArtifactRefs.refOf(content).isPresent();
        }
    }

    /** A memory note as rendered. */
    record Note(String kind, String turn, String about, String text) {
    }

    /** One readable part of a stored artifact, from its outline. */
    record Part(String ref, long offset, long length, String title) {
    }

    final Role role;
    final String request;
    final String plan;
    final String answer;
    final String feedback;
    final List<Note> memory = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();
    /** read_artifact calls already made in this conversation: ref + "@" + offset. */
    final List<String> partsRead = new ArrayList<>();
    final boolean toolsOffered;

    PromptView(List<ChatMessage> messages, boolean toolsOffered) {
        this.toolsOffered = toolsOffered;
        String system = "";
        String user = "";
        Map<String, ToolExecutionRequest> calls = new LinkedHashMap<>();
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s && system.isEmpty()) {
                system = s.text();
            } else if (m instanceof UserMessage u && user.isEmpty()) {
                user = u.singleText();
            } else if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                    calls.put(r.id(), r);
                }
            } else if (m instanceof ToolExecutionResultMessage t) {
                ToolExecutionRequest call = calls.get(t.id());
                String tool = call != null ? call.name() : t.toolName();
                String args = call != null ? call.arguments() : "{}";
                seen.add(new Seen(tool, args, t.text(), false));
                if ("read_artifact".equals(tool)) {
                    partsRead.add(JsonArgs.string(args, "ref") + "@" + JsonArgs.integer(args, "offset"));
                }
            }
        }
        role = system.startsWith("You are the PLANNER") ? Role.PLANNER
                : system.startsWith("You are the ACTOR") ? Role.ACTOR
                : system.startsWith("You are the EVALUATOR") ? Role.EVALUATOR : Role.OTHER;
        Map<String, String> sections = sections(user);
        request = sections.getOrDefault(Prompts.REQUEST, role == Role.OTHER ? user : "").strip();
        plan = orEmpty(sections.get(Prompts.PLAN));
        answer = orEmpty(sections.get(Prompts.ANSWER));
        feedback = orEmpty(sections.get(Prompts.FEEDBACK));
        parseMemory(orEmpty(sections.get(Prompts.MEMORY)));
        // A part read in an earlier round travels as a pointer ("[read N bytes; ...]"): its text is not
        // visible any more, so it is neither a text nor a part already read.
        List<Seen> fromState = parseObservations(orEmpty(sections.get(Prompts.OBSERVATIONS))).stream()
                .filter(o -> !o.content().startsWith("[read ")).toList();
        seen.addAll(0, fromState);
        for (Seen s : fromState) {
            if ("read_artifact".equals(s.tool())) {
                partsRead.add(JsonArgs.string(s.arguments(), "ref") + "@" + JsonArgs.integer(s.arguments(), "offset"));
            }
        }
    }

    List<String> requestedPapers() {
        List<String> ids = new ArrayList<>();
        Matcher m = PAPER_ID.matcher(request);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The paper a tool call's arguments name, if any. */
    static Optional<String> paperOf(String arguments) {
        String id = JsonArgs.string(arguments, "paper_id");
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Parts listed by {@code get_section} results that came back as artifact references for a paper. */
    List<Part> sectionPartsOf(String paperId) {
        List<Part> parts = new ArrayList<>();
        for (Seen s : seen) {
            if (s.isReference() && "get_section".equals(s.tool()) && paperOf(s.arguments()).orElse("").equals(paperId)) {
                parts.addAll(outline(s.content()));
            }
        }
        return parts;
    }

    /** Artifact references visible anywhere (observations, tool results, memory) for a paper's full text. */
    List<Part> partsOf(String paperId) {
        List<Part> parts = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (Seen s : seen) {
            if (s.isReference() && "fetch_paper".equals(s.tool()) && paperOf(s.arguments()).orElse("").equals(paperId)) {
                contents.add(s.content());
            }
        }
        for (Note n : memory) {
            if ("artifact".equals(n.kind()) && n.about().startsWith("fetch_paper") && n.about().contains("\"" + paperId + "\"")) {
                contents.add(n.text().replace(Prompts.NEWLINE, "\n"));
            }
        }
        for (String c : contents) {
            parts.addAll(outline(c));
            if (!parts.isEmpty()) {
                break;
            }
        }
        return parts;
    }

    /** The parts an artifact reference lists in its outline ({@code - offset=O length=L: title} lines). */
    private static List<Part> outline(String reference) {
        String ref = ArtifactRefs.refOf(reference).orElse("");
        List<Part> parts = new ArrayList<>();
        for (String line : reference.split("\n")) {
            Matcher m = PART.matcher(line.strip());
            if (m.matches()) {
                parts.add(new Part(ref, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3)));
            }
        }
        return parts;
    }

    boolean wasRead(Part p) {
        return partsRead.contains(p.ref() + "@" + p.offset());
    }

    /** Texts of a paper visible inline: its full text, sections fetched, parts read from its artifact. */
    List<String> textsOf(String paperId) {
        List<String> texts = new ArrayList<>();
        List<String> refs = Stream.concat(partsOf(paperId).stream(), sectionPartsOf(paperId).stream())
                .map(Part::ref).distinct().toList();
        for (Seen s : seen) {
            if (s.error() || s.isReference()) {
                continue;
            }
            boolean aboutPaper = paperOf(s.arguments()).orElse("").equals(paperId)
                    && ("fetch_paper".equals(s.tool()) || "get_section".equals(s.tool()));
            boolean readFromArtifact = "read_artifact".equals(s.tool()) && refs.contains(JsonArgs.string(s.arguments(), "ref"));
            if (aboutPaper || readFromArtifact) {
                texts.add(s.content());
            }
        }
        return texts;
    }

    /** Earlier answers in memory whose request named the paper. */
    List<String> memoryAbout(String paperId) {
        List<String> out = new ArrayList<>();
        for (Note n : memory) {
            if ("answer".equals(n.kind()) && n.about().contains(paperId)) {
                out.add(n.text());
            }
        }
        return out;
    }

    Optional<Seen> lastSeen(String tool) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).tool().equals(tool) && !seen.get(i).error()) {
                return Optional.of(seen.get(i));
            }
        }
        return Optional.empty();
    }

    private void parseMemory(String text) {
        for (String line : text.split("\n")) {
            Matcher m = MEMORY_LINE.matcher(line);
            if (m.matches()) {
                memory.add(new Note(m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
    }

    private static List<Seen> parseObservations(String text) {
        List<Seen> out = new ArrayList<>();
        String tool = null;
        String args = null;
        boolean error = false;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = OBS_HEADER.matcher(line);
            if (m.matches()) {
                if (tool != null) {
                    out.add(new Seen(tool, args, content.toString().strip(), error));
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
            out.add(new Seen(tool, args, content.toString().strip(), error));
        }
        return out;
    }

    /** Splits the rendered state at its "## " section headings (only the known ones). */
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

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
