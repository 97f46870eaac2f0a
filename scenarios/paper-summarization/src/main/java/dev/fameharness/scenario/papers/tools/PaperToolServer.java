package dev.fameharness.scenario.papers.tools;

import dev.fameharness.mcp.ToolArgumentException;
import dev.fameharness.mcp.ToolServerSpec;
import dev.fameharness.mcp.ToolSpec;
import dev.fameharness.scenario.papers.library.PaperTools;
import dev.fameharness.scenario.papers.library.SearchHit;
import dev.fameharness.scenario.papers.library.SectionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The paper tools as an MCP server definition ({@code papers}): search_papers, fetch_paper, list_sections,
 * get_section, all declared deterministic. Hosted as a function by {@link dev.fameharness.mcp.McpFunctionServer};
 * an invalid argument comes back to the caller as an MCP tool error naming the argument.
 */
public final class PaperToolServer {

    public static final String SERVER = "papers";
    public static final String VERSION = "1.0.0";

    private PaperToolServer() {
    }

    public static ToolServerSpec spec(PaperTools tools) {
        List<ToolSpec> specs = new ArrayList<>();
        for (dev.fameharness.scenario.papers.library.ToolSpec s : PaperTools.SPECS) {
            Function<Map<String, Object>, String> body = switch (s.name()) {
                case PaperTools.SEARCH_PAPERS -> args -> renderHits(args.containsKey("limit")
                        ? tools.searchPapers(string(args, "query"), integer(args, "limit"))
                        : tools.searchPapers(string(args, "query")));
                case PaperTools.FETCH_PAPER -> args -> tools.fetchPaper(string(args, "paper_id"));
                case PaperTools.LIST_SECTIONS -> args -> renderSections(tools.listSections(string(args, "paper_id")));
                case PaperTools.GET_SECTION -> args -> {
                    Object section = args.get("section");
                    var found = section instanceof Number n
                            ? tools.getSection(string(args, "paper_id"), n.intValue())
                            : tools.getSection(string(args, "paper_id"), string(args, "section"));
                    return "## " + found.title() + "\n" + found.text();
                };
                default -> throw new IllegalStateException("no handler for paper tool " + s.name());
            };
            specs.add(new ToolSpec(s.name(), s.description(), s.inputSchemaJson(), s.deterministic(), args -> {
                try {
                    return body.apply(args);
                } catch (dev.fameharness.scenario.papers.library.ToolArgumentException e) {
                    throw new ToolArgumentException(e.argument(), e.getMessage());
                }
            }));
        }
        return new ToolServerSpec(SERVER, VERSION, specs);
    }

    static String renderHits(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "No paper matched the query.";
        }
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (SearchHit h : hits) {
            sb.append(i++).append(". ").append(h.paperId()).append(" - ").append(h.title())
                    .append(String.format(Locale.ROOT, " (score %.2f)", h.score())).append('\n')
                    .append("   ").append(h.snippet()).append('\n');
        }
        return sb.toString();
    }

    static String renderSections(List<SectionInfo> sections) {
        StringBuilder sb = new StringBuilder();
        for (SectionInfo s : sections) {
            sb.append(s.index()).append(". ").append(s.title()).append(" (").append(s.words()).append(" words)\n");
        }
        return sb.toString();
    }

    private static String string(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (!(v instanceof String s)) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be a string, was "
                    + (v == null ? "missing" : v.getClass().getSimpleName() + " " + v));
        }
        return s;
    }

    private static int integer(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ToolArgumentException(name, "argument '" + name + "' must be an integer, was " + v);
        }
        return n.intValue();
    }
}
