package dev.fameharness.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.report.SampleTurns;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.RunStorage;
import dev.fameharness.report.stats.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests of every writer, after JMH's ResultFormatTest: results built from a seeded Random, written
 * under several default locales, compared byte for byte with src/test/resources/golden/. To regenerate after an
 * intended change: {@code mvn -pl harness/report test -Dtest=ResultFormatTest -Dgolden.update=true}, then
 * inspect the diff before committing.
 */
class ResultFormatTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden");
    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static RunResults sampleResults() {
        List<TurnRecord> turns = SampleTurns.random(12345L, 12);
        RunExtras extras = RunExtras.of(
                Map.of("fame", new RunStorage(5L << 20, 20L << 20, OptionalLong.empty(), Duration.ofMinutes(40)),
                        "monolithic", RunStorage.redis(150L << 20, Duration.ofMinutes(40))),
                Map.of("dynamodb-local", 812.5, "redis", 40.25));
        return RunResults.compute("golden-run", turns, CostModel.withDefaultPrices(), extras,
                PresetPair.againstBaseline("monolithic", SampleTurns.PRESETS), new Bootstrap(1000, 0.95, 99L));
    }

    static java.util.stream.Stream<Arguments> formatsAndLocales() {
        java.util.stream.Stream.Builder<Arguments> b = java.util.stream.Stream.builder();
        for (ResultFormatType type : ResultFormatType.values()) {
            for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("tr-TR"))) {
                b.add(Arguments.of(type, locale));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("formatsAndLocales")
    void should_write_the_golden_file_when_default_locale_varies(ResultFormatType type, Locale locale)
            throws IOException {
        Locale.setDefault(locale);
        RunResults results = sampleResults();
        StringWriter out = new StringWriter();

        ResultFormat.of(type).write(results, out);

        String golden = "golden/" + type.fileName();
        if (Boolean.getBoolean("golden.update") && locale.equals(Locale.ROOT)) {
            Files.createDirectories(GOLDEN_DIR);
            Files.writeString(GOLDEN_DIR.resolve(type.fileName()), out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).isEqualTo(read(golden));
    }

    private static String read(String resource) throws IOException {
        Path source = GOLDEN_DIR.resolve(resource.substring("golden/".length()));
        if (Files.exists(source)) {
            return Files.readString(source, StandardCharsets.UTF_8);
        }
        try (InputStream in = ResultFormatTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
