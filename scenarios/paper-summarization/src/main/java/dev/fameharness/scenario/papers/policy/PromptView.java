package dev.fameharness.scenario.papers.policy;

import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.PromptFormat;
import dev.langchain4j.data.message.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a model can see in one request, read from the prompt only: the role (from the system prompt), the
 * rendered state (parsed by {@link PromptFormat#parse}, the same class that renders it), and the tool results
 * of the current conversation. Nothing here reads state outside the prompt.
 *
 * <p>Information counts the same whatever carries it: a tool output in the observations, in the actor's
 * conversation, or in a conversation transcript the client sent along is a {@link Seen}; an earlier turn is an
 * {@link Exchange} whether a stored working memory or a transcript holds it.
 */
final class PromptView {

    static final Pattern PAPER_ID = Pattern.compile("\\b(journal\\.p[a-z]+\\.\\d{7}|elife-?\\d{5}(?:-v\\d+)?)\\b");
    private static final Pattern PART = Pattern.compile("^- offset=(\\d+) length=(\\d+): (.*)$");
    private static final String USED = " [used: ";


    /** One tool result visible in the prompt: the tool, its arguments, its content. */
    record Seen(String tool, String arguments, String content, boolean error) {
        boolean isReference() {
            return ArtifactRefs.refOf(content).isPresent();
        }
    }

    /** One readable part of a stored artifact, from its outline. */
    record Part(String ref, long offset, long length, String title) {
    }

    /**
     * An earlier turn as the prompt shows it: its request, its answer (empty when the prompt shows only the
     * subject) and the tool calls it made.
     */
    record Exchange(String turnId, String request, String answer, List<String> calls) {
        /** Papers the turn was about: named in its request, then named in its tool calls. */
        List<String> papers() {
            List<String> ids = ids(request);
            for (String c : calls) {
                for (String id : ids(c)) {
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        }
    }

    final PromptFormat.Role role;
    final String request;
    final String answer;
    final String feedback;
    final List<PromptFormat.Note> memory;
    final List<Exchange> exchanges = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();
    /** read_artifact calls already made in this conversation: ref + "@" + offset. */
    final List<String> partsRead = new ArrayList<>();

    PromptView(List<ChatMessage> messages) {
        PromptFormat.Conversation read = PromptFormat.read(messages);
        List<Seen> conversation = new ArrayList<>();
        for (PromptFormat.ToolResult t : read.toolResults()) {
            conversation.add(new Seen(t.tool(), t.arguments(), t.text(), t.error()));
        }
        role = read.role();
        PromptFormat.Parsed state = read.state();
        request = read.request();
        answer = state.answer();
        feedback = state.feedback();
        memory = state.memory();
        // Tool outputs a client sent back with the conversation are as visible as this turn's.
        for (PromptFormat.Note n : memory) {
            if (MemoryNote.TOOL.equals(n.kind()) && n.shown()) {
                int space = n.subject().indexOf(' ');
                String tool = space < 0 ? n.subject() : n.subject().substring(0, space);
                String args = space < 0 ? "{}" : n.subject().substring(space + 1);
                seen.add(new Seen(tool, args, n.text(), false));
            }
        }
        // A part read in an earlier round travels as a pointer ("[read N bytes; ...]"): its text is not
        // visible any more, so it is neither a text nor a part already read.
        for (Observation o : state.observations()) {
            if (!o.content().startsWith("[read ")) {
                seen.add(new Seen(o.tool(), o.arguments(), o.content(), o.error()));
            }
        }
        seen.addAll(conversation);
        for (Seen s : seen) {
            if (ArtifactRefs.READ_TOOL.equals(s.tool())) {
                partsRead.add(JsonArgs.string(s.arguments(), "ref") + "@" + JsonArgs.integer(s.arguments(), "offset"));
            }
        }
        buildExchanges();
    }

    /** Earlier turns in the order memory holds them, from a stored memory's answers or a transcript. */
    private void buildExchanges() {
        Map<String, String[]> byTurn = new LinkedHashMap<>();
        Map<String, List<String>> turnCalls = new LinkedHashMap<>();
        for (PromptFormat.Note n : memory) {
            String[] e = byTurn.computeIfAbsent(n.turnId(), k -> new String[] {"", ""});
            List<String> c = turnCalls.computeIfAbsent(n.turnId(), k -> new ArrayList<>());
            switch (n.kind()) {
                case MemoryNote.ANSWER -> {
                    int at = n.subject().indexOf(USED);
                    e[0] = at < 0 ? n.subject() : n.subject().substring(0, at);
                    if (at >= 0) {
                        String used = n.subject().substring(at + USED.length());
                        c.addAll(List.of(used.substring(0, Math.max(0, used.length() - 1)).split("; ")));
                    }
                    e[1] = n.shown() ? n.text() : "";
                }
                case MemoryNote.USER -> e[0] = n.text();
                case MemoryNote.ASSISTANT -> e[1] = n.text();
                case MemoryNote.TOOL -> c.add(n.subject());
                default -> {
                    // artifact notes are read through partsOf
                }
            }
        }
        byTurn.forEach((turn, e) -> {
            if (!e[0].isEmpty()) {
                exchanges.add(new Exchange(turn, e[0], e[1], List.copyOf(turnCalls.get(turn))));
            }
        });
    }

    static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = PAPER_ID.matcher(text);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The earlier turn an implicit reference to "your last answer" points to: the latest one. */
    Optional<Exchange> latest() {
        return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
    }

    /**
     * The papers "it" and "they" point to: those of the latest earlier turn, or, when that turn named none (it
     * was itself an implicit follow-up answered without tools), of the turn before it, and so on back.
     */
    List<String> currentPapers() {
        for (int i = exchanges.size() - 1; i >= 0; i--) {
            if (!exchanges.get(i).papers().isEmpty()) {
                return exchanges.get(i).papers();
            }
        }
        return List.of();
    }

    /** The papers of the first earlier turn memory still holds that named any ("the first paper we discussed"). */
    List<String> firstPapers() {
        for (Exchange e : exchanges) {
            if (!e.papers().isEmpty()) {
                return e.papers();
            }
        }
        return List.of();
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
        List<String> contents = new ArrayList<>();
        for (Seen s : seen) {
            if (s.isReference() && "fetch_paper".equals(s.tool()) && paperOf(s.arguments()).orElse("").equals(paperId)) {
                contents.add(s.content());
            }
        }
        for (PromptFormat.Note n : memory) {
            if (MemoryNote.ARTIFACT.equals(n.kind()) && n.shown() && n.subject().startsWith("fetch_paper")
                    && n.subject().contains("\"" + paperId + "\"")) {
                contents.add(n.text());
            }
        }
        for (String c : contents) {
            List<Part> parts = outline(c);
            if (!parts.isEmpty()) {
                return parts;
            }
        }
        return List.of();
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
            boolean readFromArtifact = ArtifactRefs.READ_TOOL.equals(s.tool())
                    && refs.contains(JsonArgs.string(s.arguments(), "ref"));
            if ((aboutPaper || readFromArtifact) && !texts.contains(s.content())) {
                texts.add(s.content());
            }
        }
        return texts;
    }
}
