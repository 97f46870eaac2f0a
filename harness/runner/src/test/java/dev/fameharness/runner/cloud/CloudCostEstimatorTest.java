package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.cost.Price;
import dev.fameharness.report.cost.PriceBook;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimates against figures computed here from the shipped price file's entries (usd / per, minimum,
 * hours_per_month, bytes_per_gb), and the guard's refusal.
 */
class CloudCostEstimatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PriceBook book;
    private static PresetCatalog catalog;
    private static CloudCostEstimator estimator;

    @BeforeAll
    static void load() {
        book = PriceBook.loadDefault();
        catalog = PresetCatalog.discover();
        estimator = new CloudCostEstimator(book);
    }

    private static double perUnit(String id) {
        Price p = book.prices().get(id);
        return p.usd() / p.per();
    }

    private static JsonNode template(String preset) {
        return new StackTemplate(catalog.get(preset), "s", "r", "rs1", "papers").toJson();
    }

    @Test
    void should_price_the_elasticache_minimum_and_the_artifact_storage_when_a_redis_stack_stands_a_day() {
        long jar = 53_000_000L;
        CostEstimate e = estimator.deploy("fame-redis", template("fame-redis"), List.of(jar), Duration.ofHours(24));

        double redisMinimumGb = book.prices().get("redis.gb_hour").minimum();
        double expected = redisMinimumGb * 24 * perUnit("redis.gb_hour")
                + jar / book.bytesPerGb() * 24 / book.hoursPerMonth() * perUnit("s3.storage_gb_month")
                + 1 * perUnit("s3.tier1");
        assertThat(redisMinimumGb).isPositive();
        assertThat(e.totalUsd()).isCloseTo(expected, within(1e-12));
        assertThat(e.lines()).anyMatch(l -> l.priceId().equals("redis.gb_hour"));
        assertThat(e.describe()).contains("redis.gb_hour").contains("total").contains(book.file());
    }

    @Test
    void should_price_only_the_uploads_when_the_stack_bills_per_request() {
        long jar = 1_000_000L;
        long template = 60_000L;
        CostEstimate e = estimator.deploy("fame", template("fame"), List.of(jar, template), Duration.ofHours(10));

        double expected = (jar + template) / book.bytesPerGb() * 10 / book.hoursPerMonth() * perUnit("s3.storage_gb_month")
                + 2 * perUnit("s3.tier1");
        assertThat(e.totalUsd()).isCloseTo(expected, within(1e-15));
        assertThat(e.lines()).noneMatch(l -> l.priceId().startsWith("redis"));
        assertThat(e.describe()).contains("AWS::Lambda::Function").contains("AWS::StepFunctions::StateMachine");
    }

    @Test
    void should_refuse_a_resource_type_it_has_no_rule_for() throws Exception {
        JsonNode t = JSON.readTree("{\"Resources\":{\"Db\":{\"Type\":\"AWS::RDS::DBInstance\"}}}");

        assertThatThrownBy(() -> estimator.deploy("x", t, List.of(), Duration.ofHours(1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AWS::RDS::DBInstance").hasMessageContaining("Db");
    }

    @Test
    void should_multiply_turns_by_the_per_turn_units_and_price_redis_as_ecpus_for_a_run() {
        TreeMap<String, Double> fameTurn = new TreeMap<>(Map.of("lambda.requests", 4.0, "lambda.gb_s", 6.5,
                "sfn.transitions", 9.0, "dynamodb.rru", 3.0, "dynamodb.wru", 2.0, "llm.input_tokens", 12_000.0,
                "llm.output_tokens", 700.0));
        TreeMap<String, Double> redisTurn = new TreeMap<>(Map.of("lambda.requests", 4.0, "redis.ops", 5.0,
                "redis.bytes", 40_960.0, "llm.input_tokens", 11_000.0));
        CostEstimate e = estimator.run("experiment", List.of(new CloudCostEstimator.PresetLoad("fame", 30, fameTurn),
                new CloudCostEstimator.PresetLoad("fame-redis", 20, redisTurn)));

        double expected = 0;
        for (var u : fameTurn.entrySet()) {
            expected += 30 * u.getValue() * perUnit(u.getKey());
        }
        expected += 20 * (4.0 * perUnit("lambda.requests") + 11_000.0 * perUnit("llm.input_tokens"));
        // 20 turns x 40 KiB = 800 KiB moved in 100 commands: 800 ECPUs by bytes beat 100 by commands
        expected += Math.max(20 * 5.0, Math.ceil(20 * 40_960.0 / 1024)) * perUnit("redis.ecpu");
        assertThat(e.totalUsd()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void should_refuse_a_unit_the_price_file_does_not_price() {
        var load = new CloudCostEstimator.PresetLoad("fame", 1, new TreeMap<>(Map.of("gpu.hours", 1.0)));

        assertThatThrownBy(() -> estimator.run("x", List.of(load))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gpu.hours").hasMessageContaining(book.file());
    }

    @Test
    void should_refuse_above_the_limit_and_accept_at_it() {
        CostEstimate e = estimator.deploy("fame-redis", template("fame-redis"), List.of(1_000L), Duration.ofHours(24));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CostGuard(e.totalUsd() / 2).check(e, print))
                .isInstanceOf(CostLimitExceededException.class).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--max-usd").hasMessageContaining("nothing was started");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("estimated cost of fame-redis").contains("limit (--max-usd)");
        assertThat(new CostGuard(e.totalUsd()).check(e, print)).isEqualTo(e.totalUsd());
        assertThat(CostGuard.check("run", 0.25, 0.5)).isEqualTo(0.25);
        assertThatThrownBy(() -> CostGuard.check("run", 0.75, 0.5)).isInstanceOf(CostLimitExceededException.class)
                .hasMessageContaining("run: estimated 0.750000 USD is above --max-usd 0.500000 USD");
        assertThatThrownBy(() -> new CostGuard(-1)).isInstanceOf(ConfigException.class).hasMessageContaining("--max-usd");
    }
}
