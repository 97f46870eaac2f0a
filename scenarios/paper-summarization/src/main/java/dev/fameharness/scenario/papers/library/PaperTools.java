package dev.fameharness.scenario.papers.library;

import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.corpus.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The four paper tools as plain Java methods with argument validation; fame-mcp wraps them as MCP tools
 * ({@link #SPECS} gives their names, descriptions and input schemas). All four are deterministic. Invalid
 * arguments throw {@link ToolArgumentException} naming the argument, the bad value and what is accepted.
 */
public final class PaperTools {

    public static final String SEARCH_PAPERS = "search_papers";
    public static final String FETCH_PAPER = "fetch_paper";
    public static final String LIST_SECTIONS = "list_sections";
    public static final String GET_SECTION = "get_section";
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 20;
    public static final int MAX_QUERY_CHARS = 500;

    private static final String PAPER_ID_SCHEMA = "\"paper_id\": {\"type\": \"string\", \"description\": "
            + "\"Paper id as returned by search_papers, e.g. journal.pbio.0020334\"}";

    /** The tools' specifications, in a fixed order. */
    public static final List<ToolSpec> SPECS = List.of(
            new ToolSpec(SEARCH_PAPERS, "Search the paper library by keywords over titles and full text. Returns up "
                    + "to `limit` papers (id, title, score, snippet), best first.",
                    "{\"type\": \"object\", \"properties\": {\"query\": {\"type\": \"string\", \"minLength\": 1, "
                            + "\"maxLength\": " + MAX_QUERY_CHARS + ", \"description\": \"Keywords\"}, "
                            + "\"limit\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": " + MAX_LIMIT
                            + ", \"default\": " + DEFAULT_LIMIT + "}}, \"required\": [\"query\"], "
                            + "\"additionalProperties\": false}", true),
            new ToolSpec(FETCH_PAPER, "Fetch a paper's full text: title and all body sections (no abstract).",
                    "{\"type\": \"object\", \"properties\": {" + PAPER_ID_SCHEMA + "}, \"required\": [\"paper_id\"], "
                            + "\"additionalProperties\": false}", true),
            new ToolSpec(LIST_SECTIONS, "List a paper's sections: index, title (nested sections as "
                    + "\"Parent / Child\"), size in characters and words.",
                    "{\"type\": \"object\", \"properties\": {" + PAPER_ID_SCHEMA + "}, \"required\": [\"paper_id\"], "
                            + "\"additionalProperties\": false}", true),
            new ToolSpec(GET_SECTION, "Get the text of one section of a paper, by its exact title or its index "
                    + "from list_sections.",
                    "{\"type\": \"object\", \"properties\": {" + PAPER_ID_SCHEMA + ", \"section\": {\"type\": "
                            + "[\"string\", \"integer\"], \"description\": \"Section title as listed, or its index "
                            + "(0-based)\"}}, \"required\": [\"paper_id\", \"section\"], "
                            + "\"additionalProperties\": false}", true));

    private final PaperLibrary library;

    public PaperTools(PaperLibrary library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    /** search_papers with the default limit. */
    public List<SearchHit> searchPapers(String query) {
        return searchPapers(query, DEFAULT_LIMIT);
    }

    /** search_papers: {@code query} non-blank, at most {@value #MAX_QUERY_CHARS} chars; {@code limit} 1..20. */
    public List<SearchHit> searchPapers(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new ToolArgumentException("query", "query " + quote(query) + " is empty; pass one or more "
                    + "keywords, e.g. \"rhomboid vulval development\"");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new ToolArgumentException("query", "query is " + query.length() + " characters long; at most "
                    + MAX_QUERY_CHARS + " are accepted: pass keywords, not a passage");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolArgumentException("limit", "limit " + limit + " is out of range; accepted: an integer "
                    + "from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
        }
        return library.search(query, limit);
    }

    /** fetch_paper: the paper's readable full text (title and sections, never an abstract). */
    public String fetchPaper(String paperId) {
        return paper(paperId).fullText();
    }

    /** list_sections: every section's index, title and size. */
    public List<SectionInfo> listSections(String paperId) {
        List<Section> sections = paper(paperId).sections();
        List<SectionInfo> out = new ArrayList<>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            out.add(new SectionInfo(i, s.title(), s.sizeChars(), s.wordCount()));
        }
        return out;
    }

    /** get_section by index (0-based, as list_sections numbers them). */
    public Section getSection(String paperId, int index) {
        Paper paper = paper(paperId);
        if (index < 0 || index >= paper.sections().size()) {
            throw new ToolArgumentException("section", "section index " + index + " is out of range for paper "
                    + paperId + "; accepted: 0 to " + (paper.sections().size() - 1) + ", or a title from "
                    + "list_sections");
        }
        return paper.sections().get(index);
    }

    /**
     * get_section by title (exact, else case-insensitive, else the one unique title that ends with it, so
     * {@code "Figure 2 analysis"} finds {@code "Results / Figure 2 analysis"}), or by an index given as digits.
     */
    public Section getSection(String paperId, String section) {
        Paper paper = paper(paperId);
        if (section == null || section.isBlank()) {
            throw new ToolArgumentException("section", "section " + quote(section) + " is empty; pass a title "
                    + "from list_sections or its index");
        }
        String wanted = section.strip();
        if (wanted.matches("\\d{1,9}")) {
            return getSection(paperId, Integer.parseInt(wanted));
        }
        List<Section> sections = paper.sections();
        for (Section s : sections) {
            if (s.title().equals(wanted)) {
                return s;
            }
        }
        for (Section s : sections) {
            if (s.title().equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        List<Section> suffix = sections.stream().filter(s -> s.title().toLowerCase(java.util.Locale.ROOT)
                .endsWith(Section.PATH_SEPARATOR + wanted.toLowerCase(java.util.Locale.ROOT))).toList();
        if (suffix.size() == 1) {
            return suffix.get(0);
        }
        throw new ToolArgumentException("section", "section " + quote(section) + " is not a section of paper "
                + paperId + (suffix.size() > 1 ? " (it matches " + suffix.size() + " nested sections)" : "")
                + "; accepted: one of the " + sections.size() + " titles list_sections returns, or an index from 0 to "
                + (sections.size() - 1));
    }

    private Paper paper(String paperId) {
        if (paperId == null || paperId.isBlank()) {
            throw new ToolArgumentException("paper_id", "paper_id " + quote(paperId) + " is empty; pass an id "
                    + "from search_papers, e.g. journal.pbio.0020334");
        }
        return library.paper(paperId.strip()).orElseThrow(() -> new ToolArgumentException("paper_id",
                "paper_id " + quote(paperId) + " is not in the corpus; use search_papers to find ids"));
    }

    private static String quote(String value) {
        return value == null ? "(missing)" : "'" + value + "'";
    }
}
