package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** REPORT lines in the shapes AWS documents and real logs show. */
class LambdaReportTest {

    @Test
    void should_read_every_field_and_the_init_duration_of_a_cold_start() {
        // Field order and names: https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html;
        // a real line with fractional billed duration: open-telemetry/opentelemetry-lambda PR 2011.
        LambdaReport r = LambdaReport.parse("REPORT RequestId: bf5f58db-ef7d-4cb2-b3c6-266eba1bbedb\tDuration: 395.99 ms"
                + "\tBilled Duration: 662 ms\tMemory Size: 512 MB\tMax Memory Used: 301 MB\tInit Duration: 265.72 ms\t\n")
                .orElseThrow();

        assertThat(r.requestId()).isEqualTo("bf5f58db-ef7d-4cb2-b3c6-266eba1bbedb");
        assertThat(r.durationMs()).isEqualTo(395.99);
        assertThat(r.billedDurationMs()).isEqualTo(662);
        assertThat(r.memorySizeMb()).isEqualTo(512);
        assertThat(r.maxMemoryUsedMb()).isEqualTo(301);
        assertThat(r.cold()).isTrue();
        assertThat(r.initDurationMs().getAsDouble()).isEqualTo(265.72);
    }

    @Test
    void should_read_a_warm_invocation_with_the_space_before_memory_size() {
        // The runtime writes "Billed Duration: 1200 ms \tMemory Size" (a space before the tab) on some runtimes.
        LambdaReport r = LambdaReport.parse("REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 1234.56 ms"
                + "\tBilled Duration: 1200 ms \tMemory Size: 1024 MB\tMax Memory Used: 123 MB\t").orElseThrow();

        assertThat(r.cold()).isFalse();
        assertThat(r.billedDurationMs()).isEqualTo(1200);
        assertThat(r.maxMemoryUsedMb()).isEqualTo(123);
    }

    @Test
    void should_ignore_start_end_and_the_functions_own_lines() {
        assertThat(LambdaReport.parse("START RequestId: 6bc28136-xmpl-4365-b021-0ce6b2e64ab0 Version: $LATEST")).isEmpty();
        assertThat(LambdaReport.parse("END RequestId: 6bc28136-xmpl-4365-b021-0ce6b2e64ab0")).isEmpty();
        assertThat(LambdaReport.parse("FAME_EVENT {\"kind\":\"LlmCall\"}")).isEmpty();
    }
}
