package dev.fameharness.platform.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.clock.VirtualClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationProfileTest {

    /** The ids other modules sample; the default profile must have every one. */
    private static final List<String> REQUIRED_IDS = List.of(
            "lambda.init.java21", "lambda.init.java17", "lambda.init.python3.12", "lambda.invoke.warm",
            "sfn.transition", "dynamodb.get", "dynamodb.put", "dynamodb.delete", "redis.get", "redis.set",
            "redis.del", "s3.get", "s3.put", "s3.head", "s3.list", "s3.delete", "mcp.tool.search_papers",
            "mcp.tool.fetch_paper", "mcp.tool.list_sections", "mcp.tool.get_section", "llm.gpt-4o-mini.ttft",
            "llm.gpt-4o-mini.input_token", "llm.gpt-4o-mini.output_token");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    @Test
    void should_load_every_required_entry_and_constant_when_loading_the_default_profile() {
        CalibrationProfile profile = CalibrationProfile.loadDefault();

        assertThat(profile.name()).isEqualTo("aws-us-east-1");
        assertThat(profile.entries().keySet()).containsAll(REQUIRED_IDS);
        assertThat(profile.constant("lambda.sync_request_bytes").asLong()).isEqualTo(6_291_456L);
        assertThat(profile.constant("lambda.sync_response_bytes").asLong()).isEqualTo(6_291_556L);
        assertThat(profile.constant("lambda.async_request_bytes").asLong()).isEqualTo(1_048_576L);
        assertThat(profile.constant("lambda.max_timeout_s").asLong()).isEqualTo(900L);
        assertThat(profile.constant("lambda.account_concurrency").asLong()).isEqualTo(1_000L);
        assertThat(profile.constant("lambda.mb_per_vcpu").asLong()).isEqualTo(1_769L);
    }

    @Test
    void should_have_a_url_and_date_or_an_assumption_flag_with_a_note_for_every_number() {
        CalibrationProfile profile = CalibrationProfile.loadDefault();
        List<String> unsourced = new ArrayList<>();

        profile.entries().values().forEach(e -> check(e.id(), e.isAssumption(), e.note(), e.sources(), unsourced));
        profile.constants().values().forEach(c -> check(c.id(), c.isAssumption(), c.note(), c.sources(), unsourced));

        assertThat(unsourced).as("numbers with neither a dated URL nor an assumption flag + note").isEmpty();
    }

    private static void check(String id, boolean assumption, String note, List<Source> sources, List<String> bad) {
        boolean sourced = sources.stream().anyMatch(s -> URL.matcher(s.url()).matches() && DATE.matcher(s.date()).matches());
        if (!(sourced || (assumption && !note.isBlank()))) {
            bad.add(id);
        }
    }

    @Test
    void should_reject_an_entry_without_source_that_is_not_flagged_as_assumption() {
        String yaml = """
                format: 1
                profile: p
                region: r
                collected: 2026-11-22
                entries:
                  s3.get:
                    quantity: bytes
                    base: {kind: fixed, ms: 1}
                    quality: measured
                    assumption: false
                """;

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml").hasMessageContaining("s3.get").hasMessageContaining("'sources'");
    }

    @Test
    void should_name_file_entry_and_field_when_a_lognormal_lacks_its_tail() throws Exception {
        String yaml = """
                format: 1
                profile: p
                region: r
                collected: 2026-11-22
                entries:
                  dynamodb.get:
                    quantity: bytes
                    base: {kind: lognormal, median_ms: 4}
                    quality: assumption
                    assumption: true
                    note: test
                """;
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, yaml);

        assertThatThrownBy(() -> CalibrationProfile.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("dynamodb.get").hasMessageContaining("base");
    }

    @Test
    void should_reject_an_assumption_flag_that_contradicts_the_quality() {
        String yaml = """
                format: 1
                profile: p
                region: r
                collected: 2026-11-22
                entries:
                  s3.get:
                    quantity: none
                    base: {kind: fixed, ms: 1}
                    quality: assumption
                    assumption: false
                    note: x
                """;

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining("'assumption'");
    }

    @TempDir
    Path tmp;

    @Test
    void should_fail_naming_id_and_profile_when_sampling_an_unknown_id() {
        VirtualClock clock = new VirtualClock(1);
        ProfileLatencyModel model = new ProfileLatencyModel(CalibrationProfile.loadDefault(), 1);

        assertThat(model.has("nope.op")).isFalse();
        assertThatThrownBy(() -> clock.run("main", () -> model.sample("nope.op", 0)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.op").hasMessageContaining("aws-us-east-1.yaml");
    }

    @Test
    void should_draw_identical_samples_for_the_same_seed_and_different_ones_for_another() {
        long[] a = draws(42);
        long[] b = draws(42);
        long[] c = draws(43);

        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    private static long[] draws(long seed) {
        VirtualClock clock = new VirtualClock(seed);
        ProfileLatencyModel model = new ProfileLatencyModel(CalibrationProfile.loadDefault(), seed);
        return clock.run("main", () -> {
            long[] out = new long[50];
            for (int i = 0; i < out.length; i++) {
                out[i] = model.sample(i % 2 == 0 ? "dynamodb.get" : "lambda.init.java21", 1024).toNanos();
            }
            return out;
        });
    }

    @Test
    void should_draw_the_same_duration_for_the_same_logical_operation_whatever_was_drawn_before() {
        ProfileLatencyModel plain = new ProfileLatencyModel(CalibrationProfile.loadDefault(), 5);
        ProfileLatencyModel busy = new ProfileLatencyModel(CalibrationProfile.loadDefault(), 5);
        dev.fameharness.api.metering.Tags turn = new dev.fameharness.api.metering.Tags("a", "s1", "t1", "actor");
        long first;
        long second;
        long busyFirst;
        long busySecond;
        long otherTurn;
        try (var scope = dev.fameharness.api.time.Scope.with(turn)) {
            first = plain.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p1}").toNanos();
            second = plain.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p1}").toNanos();
            // Another architecture makes other calls first, and from another role.
            busy.sample("dynamodb.get", 100, "session/s1");
            busy.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p2}");
            try (var role = dev.fameharness.api.time.Scope.withRole("planner")) {
                busyFirst = busy.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p1}").toNanos();
            }
            busySecond = busy.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p1}").toNanos();
        }
        try (var scope = dev.fameharness.api.time.Scope.with(turn.withTurn("s1", "t2"))) {
            otherTurn = plain.sample("mcp.tool.fetch_paper", 0, "fetch_paper{id=p1}").toNanos();
        }

        assertThat(busyFirst).isEqualTo(first);
        assertThat(busySecond).isEqualTo(second);
        assertThat(second).isNotEqualTo(first);
        assertThat(otherTurn).isNotEqualTo(first);
    }

    @Test
    void should_reproduce_the_stated_median_and_p99_when_sampling_a_lognormal_20000_times() {
        CalibrationProfile.Entry entry = CalibrationProfile.loadDefault().entry("redis.get");
        SplittableRandom random = new SplittableRandom(7);
        double[] ms = new double[20_000];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = ProfileLatencyModel.sampleMs(entry, 0, random);
        }
        Arrays.sort(ms);

        assertThat(ms[ms.length / 2]).isCloseTo(0.423, within(0.423 * 0.03));
        assertThat(ms[(int) (ms.length * 0.99)]).isCloseTo(1.287, within(1.287 * 0.08));
    }

    @Test
    void should_grow_with_size_when_the_entry_has_a_transfer_term() {
        CalibrationProfile.Entry entry = CalibrationProfile.loadDefault().entry("s3.get");

        double small = ProfileLatencyModel.sampleMs(entry, 1_000, new SplittableRandom(3));
        double large = ProfileLatencyModel.sampleMs(entry, 93_000_000, new SplittableRandom(3));

        // Same base draw (same seed); 93 MB at 93 MB/s adds exactly one second.
        assertThat(large - small).isCloseTo(1000.0 - 1_000 * 1000.0 / 93_000_000, within(1e-6));
    }

    @Test
    void should_scale_linearly_with_tokens_when_the_entry_has_a_per_unit_term() {
        CalibrationProfile.Entry entry = CalibrationProfile.loadDefault().entry("llm.gpt-4o-mini.output_token");

        double ms = ProfileLatencyModel.sampleMs(entry, 500, new SplittableRandom(1));

        assertThat(ms).isCloseTo(500 * 16.95, within(1e-9));
    }

    @Test
    void should_pick_the_table_row_for_the_quantity_when_the_entry_has_a_table() throws Exception {
        CalibrationProfile profile;
        try (var in = getClass().getResourceAsStream("/calibration/table-profile.yaml")) {
            profile = CalibrationProfile.parse(in, "table-profile.yaml");
        }
        CalibrationProfile.Entry entry = profile.entry("lambda.init.test");

        assertThat(ProfileLatencyModel.sampleMs(entry, 64, new SplittableRandom(1))).isEqualTo(300.0);
        assertThat(ProfileLatencyModel.sampleMs(entry, 512, new SplittableRandom(1))).isEqualTo(300.0);
        assertThat(ProfileLatencyModel.sampleMs(entry, 1024, new SplittableRandom(1))).isEqualTo(100.0);
        assertThat(ProfileLatencyModel.sampleMs(entry, 10_240, new SplittableRandom(1))).isEqualTo(100.0);
    }

    @Test
    void should_return_a_duration_rounded_to_the_nanosecond() {
        assertThat(ProfileLatencyModel.toDuration(100.2)).isEqualTo(Duration.ofNanos(100_200_000));
    }

    private static CalibrationProfile parse(String yaml) {
        return CalibrationProfile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
