package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PromptCacheTest {

    private final PromptCache cache = new PromptCache(1024, 128, Duration.ofMinutes(5));

    private static int[] prompt(int length, int seed) {
        int[] t = new int[length];
        for (int i = 0; i < length; i++) {
            t[i] = (i * 31 + seed) % 200_000;
        }
        return t;
    }

    @Test
    void should_serve_the_longest_shared_prefix_in_128_token_blocks_when_a_prompt_repeats_one() {
        int[] first = prompt(3000, 0);
        int[] second = Arrays.copyOf(first, 2500);
        second[1500] = -7; // first mismatch at token 1,500: blocks up to 1,408 match

        assertThat(cache.serve("m", first, Duration.ZERO)).isZero();
        assertThat(cache.serve("m", second, Duration.ofSeconds(10))).isEqualTo(1408);
        assertThat(cache.serve("m", first, Duration.ofSeconds(20))).isEqualTo(2944);
    }

    @Test
    void should_cache_nothing_below_1024_tokens_or_for_another_model() {
        int[] shortPrompt = prompt(1023, 1);

        cache.serve("m", shortPrompt, Duration.ZERO);
        assertThat(cache.serve("m", shortPrompt, Duration.ofSeconds(1))).isZero();
        cache.serve("m", prompt(2048, 2), Duration.ZERO);
        assertThat(cache.serve("other", prompt(2048, 2), Duration.ofSeconds(1))).isZero();
    }

    @Test
    void should_expire_a_prefix_unused_for_longer_than_its_lifetime_and_keep_one_that_is_reused() {
        int[] p = prompt(1100, 3);

        cache.serve("m", p, Duration.ZERO);
        assertThat(cache.serve("m", p, Duration.ofMinutes(4))).isEqualTo(1024);
        assertThat(cache.serve("m", p, Duration.ofMinutes(8))).as("refreshed at minute 4").isEqualTo(1024);
        assertThat(cache.serve("m", p, Duration.ofMinutes(14))).as("unused for 6 minutes").isZero();
    }
}
