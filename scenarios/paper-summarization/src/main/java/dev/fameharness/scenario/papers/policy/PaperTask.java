package dev.fameharness.scenario.papers.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task a request asks for, read the way a model reads it: from the words of the request. Requests the
 * session generator writes are recognised by their phrasing; any other request naming a paper is treated as
 * "summarize it". A request that names no paper but points back at the conversation ("they", "it", "your last
 * answer", "the first paper") is an implicit follow-up: its papers come from memory, if the prompt holds any.
 */
record PaperTask(Kind kind, List<String> papers, String section, String query, String question) {

    enum Kind { PAPER, SECTION, COMPARE, FOLLOW_UP, SEARCH, IMPLICIT_QUESTION, COMPARE_FIRST, SHORTER, OTHER }

    private static final Pattern SECTION = Pattern.compile("^Summarize the section \"(.*)\" of paper ");
    private static final Pattern SEARCH = Pattern.compile("^Find the paper about (.*) and summarize it\\.?$");
    private static final Pattern POINTING = Pattern.compile("\\b(they|it|its|that study|the authors)\\b");

    static PaperTask parse(String request) {
        List<String> ids = PromptView.ids(request);
        Matcher s = SECTION.matcher(request);
        if (s.find() && !ids.isEmpty()) {
            return new PaperTask(Kind.SECTION, List.of(ids.get(0)), s.group(1), "", "");
        }
        Matcher q = SEARCH.matcher(request.strip());
        if (q.find()) {
            return new PaperTask(Kind.SEARCH, List.of(), "", q.group(1), "");
        }
        if (request.startsWith("Compare papers") && ids.size() >= 2) {
            return new PaperTask(Kind.COMPARE, ids.subList(0, 2), "", "", "");
        }
        if (request.contains("discussed earlier") && !ids.isEmpty()) {
            return new PaperTask(Kind.FOLLOW_UP, List.of(ids.get(0)), "", "", request);
        }
        if (!ids.isEmpty()) {
            return new PaperTask(Kind.PAPER, List.of(ids.get(0)), "", "", "");
        }
        String lower = request.toLowerCase(Locale.ROOT);
        if (lower.contains("last answer") && lower.contains("shorter")) {
            return new PaperTask(Kind.SHORTER, List.of(), "", "", request);
        }
        if (lower.contains("first paper")) {
            return new PaperTask(Kind.COMPARE_FIRST, List.of(), "", "", request);
        }
        if (POINTING.matcher(lower).find()) {
            return new PaperTask(Kind.IMPLICIT_QUESTION, List.of(), "", "", request);
        }
        return new PaperTask(Kind.OTHER, List.of(), "", "", request);
    }

    /** This task with the papers an implicit reference resolved to. */
    PaperTask resolved(List<String> resolvedPapers) {
        return new PaperTask(kind, List.copyOf(resolvedPapers), section, query, question);
    }

    boolean implicit() {
        return kind == Kind.IMPLICIT_QUESTION || kind == Kind.COMPARE_FIRST || kind == Kind.SHORTER;
    }

    boolean comparison() {
        return kind == Kind.COMPARE || kind == Kind.COMPARE_FIRST;
    }

    boolean asksQuestion() {
        return kind == Kind.FOLLOW_UP || kind == Kind.IMPLICIT_QUESTION;
    }

    /** Fewest words an acceptable answer has. */
    int minimumWords() {
        return switch (kind) {
            case SHORTER -> 20;
            case FOLLOW_UP, IMPLICIT_QUESTION, OTHER -> 40;
            default -> 80;
        };
    }
}
