package dev.fameharness.scenario.papers.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusLocatorTest {

    @TempDir
    Path root;

    @Test
    void should_prefer_the_environment_variable_when_it_is_set() {
        Properties props = new Properties();
        props.setProperty("fame.corpus", "/from/property");
        Path found = CorpusLocator.locate(Map.of("FAME_CORPUS", "/from/env"), props, root);
        assertThat(found).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void should_use_the_system_property_when_no_environment_variable_is_set() {
        Properties props = new Properties();
        props.setProperty("fame.corpus", "/from/property");
        assertThat(CorpusLocator.locate(Map.of(), props, root)).isEqualTo(Path.of("/from/property"));
    }

    @Test
    void should_find_the_sibling_shared_corpus_when_running_inside_a_module_directory() throws IOException {
        // <root>/shared/corpus/manifest.json and <root>/main/scenarios/paper-summarization as CWD
        Path corpus = Files.createDirectories(root.resolve("shared/corpus"));
        Files.writeString(corpus.resolve("manifest.json"), "[]");
        Path module = Files.createDirectories(root.resolve("main/scenarios/paper-summarization"));

        assertThat(CorpusLocator.locate(Map.of(), new Properties(), module)).isEqualTo(corpus);
    }

    @Test
    void should_say_what_to_do_when_no_corpus_is_found() throws IOException {
        Path module = Files.createDirectories(root.resolve("a/b"));
        // the temp dir may sit below a real shared/corpus only on odd machines; this one does not
        assertThatThrownBy(() -> CorpusLocator.locate(Map.of(), new Properties(), module))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("No corpus folder found")
                .hasMessageContaining("--corpus").hasMessageContaining("FAME_CORPUS")
                .hasMessageContaining("scripts/fetch-corpus.sh");
    }
}
