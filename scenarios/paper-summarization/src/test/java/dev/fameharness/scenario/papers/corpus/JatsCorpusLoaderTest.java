package dev.fameharness.scenario.papers.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class JatsCorpusLoaderTest {

    @Test
    void should_load_all_120_papers_within_seconds_when_reading_the_shared_corpus() {
        long start = System.nanoTime();
        Corpus corpus = JatsCorpusLoader.loadDefault();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "loaded %d papers from %s in %d ms%n", corpus.size(), corpus.folder(), millis);

        assertThat(corpus.size()).isEqualTo(120);
        assertThat(millis).as("load time in ms").isLessThan(15_000);
        for (Paper paper : corpus.papers()) {
            assertThat(paper.title()).as(paper.id()).isNotBlank();
            assertThat(paper.doi()).as(paper.id()).startsWith("10.");
            assertThat(paper.journal()).as(paper.id()).isNotBlank();
            assertThat(paper.sections()).as(paper.id()).isNotEmpty();
            // README: every kept article has at least 1,500 words of body text
            assertThat(paper.bodyWordCount()).as(paper.id()).isGreaterThan(1_000);
            assertThat(paper.primaryReference()).as(paper.id()).isNotBlank();
        }
    }

    @Test
    void should_read_metadata_and_flatten_nested_sections_when_parsing_a_plos_article() {
        Paper paper = TestCorpus.shared().paper("journal.pbio.0020334").orElseThrow();

        assertThat(paper.doi()).isEqualTo("10.1371/journal.pbio.0020334");
        assertThat(paper.title()).isEqualTo(
                "EGF Signal Propagation during C. elegans Vulval Development Mediated by ROM-1 Rhomboid");
        assertThat(paper.journal()).isEqualTo("PLoS Biology");
        assertThat(paper.licence()).startsWith("CC-BY");
        assertThat(paper.sections()).extracting(Section::title).contains("Introduction")
                .anyMatch(t -> t.startsWith("Results" + Section.PATH_SEPARATOR));
        assertThat(paper.sections()).extracting(Section::title).doesNotHaveDuplicates();
        assertThat(paper.reference(ReferenceKind.AUTHOR_ABSTRACT)).isPresent();
        assertThat(paper.fullText()).startsWith(paper.title() + "\n").contains("\n## Introduction\n");
    }

    @Test
    void should_keep_elife_digest_and_plos_author_summary_as_references_when_present() {
        Corpus corpus = TestCorpus.shared();
        Paper elife = corpus.paper("elife00005").orElseThrow();
        assertThat(elife.reference(ReferenceKind.ELIFE_DIGEST)).isPresent();
        assertThat(elife.reference(ReferenceKind.AUTHOR_ABSTRACT).orElseThrow())
                .startsWith("Polycomb Repressive Complex 2 (PRC2) is essential for gene silencing");

        long withAuthorSummary = corpus.papers().stream()
                .filter(p -> p.reference(ReferenceKind.AUTHOR_SUMMARY).isPresent()).count();
        long withDigest = corpus.papers().stream()
                .filter(p -> p.reference(ReferenceKind.ELIFE_DIGEST).isPresent()).count();
        // 30 abstract-type="summary" and 15 abstract-type="executive-summary" elements in the corpus (grep)
        assertThat(withAuthorSummary).isEqualTo(30);
        assertThat(withDigest).isEqualTo(15);
    }

    @Test
    void should_fall_back_to_toc_blurb_when_a_paper_has_no_author_abstract() {
        Paper paper = TestCorpus.shared().paper("journal.pbio.1001636").orElseThrow();
        assertThat(paper.reference(ReferenceKind.AUTHOR_ABSTRACT)).isEmpty();
        assertThat(paper.primaryReference()).startsWith("Failure to archive published data");
    }

    @Test
    void should_not_contain_any_abstract_sentence_when_reading_the_text_an_agent_sees() {
        List<String> sample = List.of("journal.pbio.0020334", "elife00005", "elife-02833-v2", "journal.pbio.1001636",
                "journal.pone.0146913", "journal.pmed.1001186");
        for (String id : sample) {
            assertNoAbstractSentence(TestCorpus.shared().paper(id).orElseThrow());
        }
    }

    @Test
    void should_keep_abstract_sentences_out_of_readable_text_when_checking_every_paper() {
        // Authors sometimes repeat an abstract sentence verbatim in their Discussion (journal.pcbi.1004113 does):
        // that is body text, not a leak. A leak would put every sentence of an abstract into the text.
        int sentences = 0;
        int found = 0;
        for (Paper paper : TestCorpus.shared().papers()) {
            String readable = paper.fullText().replaceAll("\\s+", " ");
            for (String sentence : longSentences(paper)) {
                sentences++;
                if (readable.contains(sentence)) {
                    found++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "abstract sentences also in body text: %d of %d%n", found, sentences);
        assertThat(sentences).isGreaterThan(1_000);
        assertThat(found).as("abstract sentences repeated in body text").isLessThan(sentences / 100);
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    /** Sentences of 8+ words of every abstract: shorter ones ("Results are shown.") may legitimately recur. */
    private static List<String> longSentences(Paper paper) {
        List<String> out = new java.util.ArrayList<>();
        for (String reference : paper.references().values()) {
            for (String sentence : SENTENCE_END.split(reference.replaceAll("\\s+", " "))) {
                if (sentence.split(" ").length >= 8) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    private static void assertNoAbstractSentence(Paper paper) {
        String readable = paper.fullText().replaceAll("\\s+", " ");
        List<String> sentences = longSentences(paper);
        assertThat(sentences).as(paper.id()).isNotEmpty();
        for (String sentence : sentences) {
            if (readable.contains(sentence)) {
                throw new AssertionError(paper.id() + ": abstract sentence found in readable text: " + sentence);
            }
        }
    }
}
