package dev.fameharness.scenario.papers.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task a request asks for, read the way a model reads it: from the words of the request. Requests the
 * session generator writes are recognised by their phrasing; any other request naming a paper is treated
 * as "summarize it".
 */
record PaperTask(Kind kind, List<String> papers, String section, String query, String question) {

    enum Kind { PAPER, SECTION, COMPARE, FOLLOW_UP, SEARCH, OTHER }

    private static final Pattern SECTION = Pattern.compile("^Summarize the section \"(.*)\" of paper ");
    private static final Pattern SEARCH = Pattern.compile("^Find the paper about (.*) and summarize it\\.?$");

    static PaperTask parse(String request) {
        List<String> ids = new ArrayList<>();
        Matcher m = PromptView.PAPER_ID.matcher(request);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
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
        return new PaperTask(Kind.OTHER, List.of(), "", "", request);
    }

    /** Fewest words an acceptable answer has. */
    int minimumWords() {
        return kind == Kind.FOLLOW_UP || kind == Kind.OTHER ? 40 : 80;
    }
}
