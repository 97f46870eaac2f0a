package dev.fameharness.scenario.papers.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.corpus.ReferenceKind;
import dev.fameharness.scenario.papers.corpus.Section;
import dev.fameharness.scenario.papers.sessions.SessionGenerator;
import dev.fameharness.scenario.papers.sessions.TaskKind;
import dev.fameharness.scenario.papers.sessions.Turn;
import dev.fameharness.scenario.papers.sessions.WorkloadSizes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperToolsTest {

    private static final String ID = "journal.pbio.0020334";
    private static Corpus corpus;
    private static PaperLibrary library;
    private static PaperTools tools;

    @BeforeAll
    static void index() {
        corpus = JatsCorpusLoader.loadDefault();
        long start = System.nanoTime();
        library = new PaperLibrary(corpus);
        System.out.printf("indexed %d papers in %d ms%n", corpus.size(), (System.nanoTime() - start) / 1_000_000);
        tools = new PaperTools(library);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void should_rank_the_paper_first_when_searching_its_title_words() {
        List<SearchHit> hits = tools.searchPapers("rhomboid vulval development elegans");
        assertThat(hits).isNotEmpty().hasSizeLessThanOrEqualTo(PaperTools.DEFAULT_LIMIT);
        assertThat(hits.get(0).paperId()).isEqualTo(ID);
        assertThat(hits.get(0).snippet()).isNotBlank().hasSizeLessThan(PaperLibrary.SNIPPET_CHARS + 10);
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void should_find_most_search_then_summarize_targets_when_running_generated_queries() {
        List<Turn> searches = new SessionGenerator(corpus).generate(WorkloadSizes.named("large"), 1).turns().stream()
                .filter(t -> t.kind() == TaskKind.SEARCH_THEN_SUMMARIZE).toList();
        long found = searches.stream().filter(t -> tools.searchPapers(t.query().orElseThrow()).stream()
                .anyMatch(h -> h.paperId().equals(t.paperIds().get(0)))).count();
        System.out.printf("search targets in top 5: %d of %d%n", found, searches.size());
        assertThat(searches).isNotEmpty();
        assertThat(found).isGreaterThanOrEqualTo(Math.round(searches.size() * 0.8));
    }

    @Test
    void should_return_same_hits_when_searching_twice() {
        assertThat(tools.searchPapers("gene expression in mice", 20))
                .isEqualTo(tools.searchPapers("gene expression in mice", 20));
    }

    @Test
    void should_treat_lucene_syntax_as_words_when_query_has_operators() {
        assertThat(tools.searchPapers("AND (OR) \"unclosed title:x*")).isNotNull();
        assertThat(tools.searchPapers("the of and")).isEmpty();
    }

    @Test
    void should_name_argument_value_and_range_when_arguments_are_invalid() {
        assertThatThrownBy(() -> tools.searchPapers("  "))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("query")
                .satisfies(e -> assertThat(((ToolArgumentException) e).argument()).isEqualTo("query"));
        assertThatThrownBy(() -> tools.searchPapers("x", 0))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("limit 0").hasMessageContaining("1 to 20");
        assertThatThrownBy(() -> tools.searchPapers("x", 21))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("limit 21");
        assertThatThrownBy(() -> tools.fetchPaper("foo"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("paper_id 'foo' is not in the corpus; use search_papers to find ids");
        assertThatThrownBy(() -> tools.listSections(null))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("paper_id (missing)");
        assertThatThrownBy(() -> tools.getSection(ID, 999))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("section index 999");
        assertThatThrownBy(() -> tools.getSection(ID, "No Such Section"))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("'No Such Section'")
                .hasMessageContaining("list_sections");
    }

    @Test
    void should_return_text_without_abstract_when_fetching_a_paper() {
        Paper paper = library.paper(ID).orElseThrow();
        String text = tools.fetchPaper(ID);
        assertThat(text).isEqualTo(paper.fullText()).startsWith(paper.title());
        String abstractStart = paper.reference(ReferenceKind.AUTHOR_ABSTRACT).orElseThrow().substring(0, 80);
        assertThat(text).doesNotContain(abstractStart);
    }

    @Test
    void should_get_the_same_section_when_addressed_by_index_title_or_leaf_title() {
        List<SectionInfo> sections = tools.listSections(ID);
        assertThat(sections).extracting(SectionInfo::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, sections.size()).boxed().toList());
        SectionInfo nested = sections.stream().filter(s -> s.title().contains(Section.PATH_SEPARATOR))
                .findFirst().orElseThrow();
        Section byIndex = tools.getSection(ID, nested.index());
        assertThat(byIndex.title()).isEqualTo(nested.title());
        assertThat(byIndex.sizeChars()).isEqualTo(nested.chars());
        assertThat(tools.getSection(ID, nested.title())).isEqualTo(byIndex);
        assertThat(tools.getSection(ID, String.valueOf(nested.index()))).isEqualTo(byIndex);
        assertThat(tools.getSection(ID, nested.title().toUpperCase())).isEqualTo(byIndex);
    }

    @Test
    void should_declare_four_deterministic_tools_with_valid_json_schemas() throws Exception {
        assertThat(PaperTools.SPECS).extracting(ToolSpec::name)
                .containsExactly("search_papers", "fetch_paper", "list_sections", "get_section");
        assertThat(PaperTools.SPECS).allMatch(ToolSpec::deterministic);
        ObjectMapper json = new ObjectMapper();
        for (ToolSpec spec : PaperTools.SPECS) {
            assertThat(json.readTree(spec.inputSchemaJson()).get("type").asText()).isEqualTo("object");
            assertThat(spec.toDescriptor("papers").server()).isEqualTo("papers");
        }
    }
}
