package dev.fameharness.scenario.papers.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusErrorsTest {

    @TempDir
    Path dir;

    @Test
    void should_load_copied_papers_when_checksums_match() throws IOException {
        Corpus corpus = JatsCorpusLoader.load(TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS, TestCorpus.ELIFE)));
        assertThat(corpus.ids()).containsExactly("journal.pbio.0020334", "elife00005");
    }

    @Test
    void should_say_how_to_point_elsewhere_when_the_folder_is_missing() {
        Path missing = dir.resolve("no-such-corpus");
        assertThatThrownBy(() -> JatsCorpusLoader.load(missing))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--corpus")
                .hasMessageContaining("FAME_CORPUS")
                .hasMessageContaining("scripts/fetch-corpus.sh")
                .satisfies(e -> assertThat(((CorpusException) e).path()).isEqualTo(missing));
    }

    @Test
    void should_name_the_manifest_when_it_is_missing() throws IOException {
        TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS));
        Files.delete(dir.resolve("manifest.json"));
        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(dir.resolve("manifest.json").toString())
                .hasMessageContaining("has no manifest.json");
    }

    @Test
    void should_report_line_and_column_when_the_manifest_is_not_json() throws IOException {
        TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS));
        Files.writeString(dir.resolve("manifest.json"), "[\n {\"file\": }\n]");
        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("is not valid JSON at line 2");
    }

    @Test
    void should_name_the_file_when_a_listed_file_is_absent() throws IOException {
        TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS, TestCorpus.ELIFE));
        Path absent = dir.resolve(TestCorpus.ELIFE);
        Files.delete(absent);
        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(absent + " is listed in")
                .hasMessageContaining("but absent")
                .hasMessageContaining("restore");
    }

    @Test
    void should_give_expected_and_actual_hash_when_a_file_was_modified() throws IOException {
        TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS));
        Path file = dir.resolve(TestCorpus.PLOS);
        String expected = TestCorpus.sha256(Files.readAllBytes(file));
        String modified = Files.readString(file).replace("Vulval Development", "Vulval Developments");
        Files.writeString(file, modified);
        String actual = TestCorpus.sha256(modified.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("Checksum mismatch for " + file)
                .hasMessageContaining("expected SHA-256 " + expected)
                .hasMessageContaining("actual " + actual)
                .hasMessageContaining("the file was modified or corrupted; restore it");
    }

    @Test
    void should_report_checksum_not_syntax_when_a_truncated_file_no_longer_parses() throws IOException {
        TestCorpus.copyOf(dir, List.of(TestCorpus.PLOS));
        Path file = dir.resolve(TestCorpus.PLOS);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("Checksum mismatch");
    }

    @Test
    void should_give_line_and_column_when_a_listed_file_is_malformed_xml() throws IOException {
        writeSingleFileCorpus("<?xml version=\"1.0\"?>\n<article>\n  <front><article-meta>\n</front>\n</article>\n");
        assertThatThrownBy(() -> JatsCorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(dir.resolve("bad.xml").toString())
                .hasMessageContaining("at line 4, column")
                .hasMessageContaining("article-meta");
    }

    @Test
    void should_not_load_the_external_dtd_or_entities_when_the_doctype_names_them() throws IOException {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY fromDtd \"DTD-WAS-LOADED\">\n");
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-FILE-WAS-READ");
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE article SYSTEM \"" + dtd.toUri() + "\" [\n"
                + "  <!ENTITY leak SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<article><front><article-meta><title-group><article-title>T</article-title></title-group>"
                + "</article-meta><abstract><p>An abstract.</p></abstract></front>"
                + "<body><sec><title>Intro</title><p>Before &fromDtd; &leak; after.</p></sec></body></article>\n";
        writeSingleFileCorpus(xml);

        Paper paper = JatsCorpusLoader.load(dir).papers().get(0);

        assertThat(paper.fullText()).contains("Before").contains("after.")
                .doesNotContain("DTD-WAS-LOADED").doesNotContain("SECRET-FILE-WAS-READ");
    }

    private void writeSingleFileCorpus(String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("bad.xml"), bytes);
        Files.writeString(dir.resolve("manifest.json"),
                "[" + TestCorpus.entry("bad.xml", TestCorpus.sha256(bytes)) + "]");
    }
}
