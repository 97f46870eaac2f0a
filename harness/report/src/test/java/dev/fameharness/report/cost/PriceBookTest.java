package dev.fameharness.report.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {

    private static String defaultText() throws IOException {
        try (InputStream in = PriceBookTest.class.getClassLoader().getResourceAsStream("prices/aws-us-east-1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_load_every_required_price_when_reading_the_default_file() {
        PriceBook book = PriceBook.loadDefault();

        assertThat(book.region()).isEqualTo("us-east-1");
        assertThat(book.collected()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(book.prices()).containsKeys(PriceBook.REQUIRED.toArray(String[]::new));
        assertThat(book.usdPerUnit("lambda.requests")).isEqualTo(0.20 / 1_000_000);
        assertThat(book.usdPerUnit("lambda.gb_s")).isEqualTo(0.0000166667);
        assertThat(book.usdPerUnit("sfn.transitions")).isEqualTo(0.025 / 1000);
        assertThat(book.usdPerUnit("dynamodb.rru")).isEqualTo(0.125 / 1_000_000);
        assertThat(book.usdPerUnit("dynamodb.wru")).isEqualTo(0.625 / 1_000_000);
        assertThat(book.usdPerUnit("redis.ecpu")).isEqualTo(0.0034 / 1_000_000);
        assertThat(book.price("redis.gb_hour").minimum()).isEqualTo(1.0);
        assertThat(book.usdPerUnit("llm.cached_input_tokens")).isEqualTo(0.075 / 1_000_000);
        assertThat(book.price("s3.bytes_out").quality()).isEqualTo(Quality.ASSUMPTION);
        assertThat(book.price("dynamodb.rru").quality()).isEqualTo(Quality.SECONDARY);
    }

    @Test
    void should_load_from_a_path_when_given_one(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, defaultText());

        assertThat(PriceBook.load(file).file()).isEqualTo(file.toString());
    }

    @Test
    void should_name_file_price_and_field_when_a_price_is_negative() throws IOException {
        String bad = defaultText().replace("usd: 0.625", "usd: -0.625");

        assertThatThrownBy(() -> PriceBook.parse("bad.yaml", bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("price dynamodb.wru")
                .hasMessageContaining("field usd");
    }

    @Test
    void should_name_the_field_when_quality_is_unknown() throws IOException {
        String bad = defaultText().replaceFirst("quality: official", "quality: rumour");

        assertThatThrownBy(() -> PriceBook.parse("bad.yaml", bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("price lambda.requests").hasMessageContaining("field quality")
                .hasMessageContaining("rumour");
    }

    @Test
    void should_reject_the_file_when_a_required_price_is_missing() throws IOException {
        String bad = defaultText().replace("id: sfn.transitions", "id: sfn.express_requests");

        assertThatThrownBy(() -> PriceBook.parse("bad.yaml", bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("price sfn.transitions").hasMessageContaining("missing");
    }

    @Test
    void should_reject_the_file_when_free_tiers_are_applied() throws IOException {
        String bad = defaultText().replace("free_tier_applied: false", "free_tier_applied: true");

        assertThatThrownBy(() -> PriceBook.parse("bad.yaml", bad))
                .isInstanceOf(ConfigException.class).hasMessageContaining("free_tier_applied");
    }

    @Test
    void should_name_the_field_when_a_date_is_malformed() throws IOException {
        String bad = defaultText().replaceFirst("date: 2026-11-22", "date: 22/11/2026");

        assertThatThrownBy(() -> PriceBook.parse("bad.yaml", bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("price lambda.requests").hasMessageContaining("field date");
    }

    @Test
    void should_fail_with_the_file_name_when_the_path_does_not_exist(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> PriceBook.load(missing))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml");
    }
}
