package dev.fameharness.scenario.logs.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fameharness.scenario.logs.corpus.LogCorpusLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drain's grouping accuracy per system against the ground-truth EventIds, beside Drain's published figure
 * for the same files. Writes {@code target/parser-accuracy.json} (the table the report quotes).
 */
class DrainAccuracyTest {

    @Test
    void should_reach_the_published_grouping_accuracy_on_every_system_when_run_with_the_benchmark_settings()
            throws Exception {
        List<ParserAccuracy.Row> rows = ParserAccuracy.measure(LogCorpusLoader.loadDefault());
        Files.createDirectories(Path.of("target"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(Path.of("target/parser-accuracy.json").toFile(), ParserAccuracy.json(rows));

        assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
        for (ParserAccuracy.Row r : rows) {
            assertThat(r.published()).as("published figure for %s", r.system()).isPresent();
            // The benchmark's accuracies are multiples of 1/2000 (lines), so equal runs agree to the line.
            assertThat(r.accuracy()).as("grouping accuracy of %s", r.system())
                    .isCloseTo(r.published().getAsDouble(), within(0.0005));
        }
    }

    @Test
    void should_count_only_groups_that_equal_one_true_event_when_measuring_accuracy() {
        // Group g1 = event A exactly (2 lines); g2 mixes B and C (0); g3 is part of D (0); 2 of 6 lines correct.
        List<String> parsed = List.of("g1", "g1", "g2", "g2", "g3", "g4");
        List<String> truth = List.of("A", "A", "B", "C", "D", "D");

        assertThat(GroupingAccuracy.of(parsed, truth)).isEqualTo(2.0 / 6);
    }

    @Test
    void should_merge_messages_that_differ_in_variable_tokens_into_one_template() {
        Drain drain = new Drain(new Drain.Settings(List.of("blk_-?\\d+"), 4, 0.5));
        drain.add(1, "Receiving block blk_123 src: /10.0.0.1:5000 dest: /10.0.0.2:50010");
        Drain.Cluster c = drain.add(2, "Receiving block blk_-456 src: /10.0.0.3:5000 dest: /10.0.0.2:50010");
        drain.add(3, "Deleting block blk_1 file /x/y");

        assertThat(drain.clusters()).hasSize(2);
        assertThat(c.template()).isEqualTo("Receiving block <*> src: <*> dest: /10.0.0.2:50010");
        assertThat(c.ids()).containsExactly(1, 2);
    }
}
