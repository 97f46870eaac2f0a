package dev.fameharness.scenario.papers.corpus;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JatsParserTest {

    /**
     * A paragraph that anchors a table and a figure is followed by their captions in the order the article has
     * them. Both orders are checked, so a parser that emits captions in any fixed order other than the
     * document's (e.g. the iteration order of a set, which a JVM chooses at start-up) fails one of them.
     */
    @Test
    void should_follow_a_paragraph_with_its_anchored_captions_in_document_order_when_it_holds_a_table_and_a_figure()
            throws Exception {
        Paper paper = parse("""
                <sec><title>Results</title>
                  <p>Table first.<table-wrap><label>Table 1.</label><caption><p>Doses.</p></caption></table-wrap>
                     <fig><label>Figure 1.</label><caption><p>Growth.</p></caption></fig></p>
                  <p>Figure first.<fig><label>Figure 2.</label><caption><p>Damage.</p></caption></fig>
                     <table-wrap><label>Table 2.</label><caption><p>Tests.</p></caption></table-wrap></p>
                </sec>""");

        assertThat(paper.sections()).singleElement().extracting(Section::text).isEqualTo(String.join("\n",
                "Table first.", "Table 1. Doses.", "Figure 1. Growth.",
                "Figure first.", "Figure 2. Damage.", "Table 2. Tests."));
    }

    private static Paper parse(String body) throws Exception {
        String xml = "<article><front><article-meta><title-group><article-title>T</article-title></title-group>"
                + "<abstract><p>An abstract.</p></abstract></article-meta></front><body>" + body
                + "</body></article>";
        return new JatsParser().parse("p1", "CC-BY", "10.1/x",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
