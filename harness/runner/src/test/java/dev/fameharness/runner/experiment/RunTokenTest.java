package dev.fameharness.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Store namespaces derive from the run id and seed; distinct run ids never share tables, buckets or prefixes. */
class RunTokenTest {

    @Test
    void should_keep_a_short_lowercase_run_id_readable_in_the_store_names() {
        assertThat(ExperimentRunner.runToken("reference", 1)).isEqualTo("references1");
        assertThat(ExperimentRunner.runToken("reference", 35)).isEqualTo("referencesz");
    }

    @Test
    void should_give_distinct_tokens_when_run_ids_differ_only_in_punctuation_case_or_an_early_character() {
        assertThat(ExperimentRunner.runToken("my-run", 1)).isNotEqualTo(ExperimentRunner.runToken("myrun", 1));
        assertThat(ExperimentRunner.runToken("Reference", 1)).isNotEqualTo(ExperimentRunner.runToken("reference", 1));
        assertThat(ExperimentRunner.runToken("20261201T120000Z", 1))
                .isNotEqualTo(ExperimentRunner.runToken("20251201T120000Z", 1));
    }

    @Test
    void should_give_the_same_token_for_the_same_run_id_and_seed_and_a_different_one_per_seed() {
        assertThat(ExperimentRunner.runToken("20261201T120000Z", 2)).isEqualTo(ExperimentRunner.runToken("20261201T120000Z", 2))
                .matches("[a-z0-9]{12}s2");
        assertThat(ExperimentRunner.runToken("x", 1)).isNotEqualTo(ExperimentRunner.runToken("x", 2));
    }
}
