package dev.fameharness.report.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.report.SampleTurns;
import dev.fameharness.report.TurnRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static final double EPS = 1e-15;
    private final CostModel model = CostModel.withDefaultPrices();

    private static TurnRecord handTurn() {
        TreeMap<String, Double> u = new TreeMap<>();
        u.put("lambda.requests", 3.0);
        u.put("lambda.gb_s", 2.5);
        u.put("sfn.transitions", 10.0);
        u.put("dynamodb.rru", 4.5);
        u.put("dynamodb.wru", 6.0);
        u.put("s3.tier1", 2.0);
        u.put("s3.tier2", 5.0);
        u.put("s3.bytes_in", 1000.0);
        u.put("s3.bytes_out", 2000.0);
        u.put("redis.ops", 7.0);
        u.put("redis.bytes", 10240.0);
        u.put("llm.input_tokens", 12000.0);
        u.put("llm.cached_input_tokens", 2000.0);
        u.put("llm.output_tokens", 500.0);
        return SampleTurns.turn("fame", "t1", 1_000_000, 5000, 6000, 3000, u);
    }

    @Test
    void should_match_hand_computed_cost_when_one_turn_uses_every_service() {
        // By hand, prices from the price file (USD):
        // lambda   = 3 requests x 0.20/1e6 = 0.0000006
        //          + 2.5 GB-s x 0.0000166667 = 0.00004166675          -> 0.00004226675
        // sfn      = 10 transitions x 0.025/1000                      -> 0.00025
        // dynamodb = 4.5 RRU x 0.125/1e6 = 0.0000005625
        //          + 6 WRU x 0.625/1e6 = 0.00000375                   -> 0.0000043125
        // s3       = 2 tier1 x 0.005/1000 = 0.00001
        //          + 5 tier2 x 0.0004/1000 = 0.000002 + bytes at $0   -> 0.000012
        // redis    = ECPUs max(7 ops, ceil(10240 / 1024) = 10) = 10
        //            x 0.0034/1e6                                     -> 0.000000034
        // llm      = 12000 uncached x 0.15/1e6 = 0.0018
        //          + 2000 cached x 0.075/1e6 = 0.00015
        //          + 500 output x 0.60/1e6 = 0.0003                   -> 0.00225
        // total    = 0.00255861325
        Cost c = model.turnCost(handTurn());

        assertThat(c.usd(Service.LAMBDA)).isCloseTo(0.00004226675, within(EPS));
        assertThat(c.usd(Service.STEPFUNCTIONS)).isCloseTo(0.00025, within(EPS));
        assertThat(c.usd(Service.DYNAMODB)).isCloseTo(0.0000043125, within(EPS));
        assertThat(c.usd(Service.S3)).isCloseTo(0.000012, within(EPS));
        assertThat(c.usd(Service.REDIS)).isCloseTo(0.000000034, within(EPS));
        assertThat(c.usd(Service.LLM)).isCloseTo(0.00225, within(EPS));
        assertThat(c.total()).isCloseTo(0.00255861325, within(EPS));
        assertThat(c.usdByService().keySet())
                .containsExactly("dynamodb", "lambda", "llm", "redis", "s3", "stepfunctions");
    }

    @Test
    void should_charge_one_ecpu_per_command_when_values_are_small() {
        // 5 commands moving 900 bytes in total: max(5, ceil(900/1024) = 1) = 5 ECPUs
        assertThat(CostModel.redisEcpus(5, 900)).isEqualTo(5.0);
        // 2 commands moving 3.2 KB (3277 bytes): max(2, ceil(3.2002) = 4) = 4 ECPUs
        assertThat(CostModel.redisEcpus(2, 3277)).isEqualTo(4.0);
    }

    @Test
    void should_sum_turn_costs_when_costing_a_session_and_a_run() {
        TurnRecord a = handTurn();
        TurnRecord b = SampleTurns.turn("fame", "t2", 1, 0, 0, 0, Map.of("sfn.transitions", 4.0));
        TurnRecord other = new TurnRecord("fame", 1, "s2", "t3", "x", 0, 0, 1, "completed", "", "", 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new TreeMap<>(Map.of("sfn.transitions", 8.0)));

        SortedMap<String, Cost> bySession = model.bySession(List.of(a, b, other));
        Cost run = model.total(List.of(a, b, other));

        // s1: 0.00255861325 + 4 x 0.000025 = 0.00265861325; s2: 8 x 0.000025 = 0.0002
        assertThat(bySession.get("s1").total()).isCloseTo(0.00265861325, within(EPS));
        assertThat(bySession.get("s2").total()).isCloseTo(0.0002, within(EPS));
        assertThat(run.total()).isCloseTo(0.00285861325, within(EPS));
    }

    @Test
    void should_bill_the_one_gb_minimum_when_redis_peak_is_below_it() {
        // 200 MiB peak for 2 h: billed max(0.195 GB, 1 GB) = 1 GB x 2 h x 0.125 = 0.25
        Cost small = model.storageCost(RunStorage.redis(200L << 20, Duration.ofHours(2)));
        // 3 GiB peak for 30 min: 3 GB x 0.5 h x 0.125 = 0.1875
        Cost large = model.storageCost(RunStorage.redis(3L << 30, Duration.ofMinutes(30)));

        assertThat(small.usd(Service.REDIS)).isCloseTo(0.25, within(1e-12));
        assertThat(large.usd(Service.REDIS)).isCloseTo(0.1875, within(1e-12));
        assertThat(small.total()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void should_charge_no_redis_when_the_preset_has_no_redis_cache() {
        // 2 GiB in DynamoDB, 10 GiB in S3, for 73 h = 0.1 month (730 h):
        // dynamodb 2 x 0.1 x 0.25 = 0.05; s3 10 x 0.1 x 0.023 = 0.023
        Cost c = model.storageCost(new RunStorage(2L << 30, 10L << 30, OptionalLong.empty(), Duration.ofHours(73)));

        assertThat(c.usd(Service.REDIS)).isZero();
        assertThat(c.usd(Service.DYNAMODB)).isCloseTo(0.05, within(1e-12));
        assertThat(c.usd(Service.S3)).isCloseTo(0.023, within(1e-12));
    }

    @Test
    void should_split_cost_by_role_when_given_the_event_stream() {
        Tags planner = new Tags("fame", "s1", "t1", "planner");
        Tags actor = new Tags("fame", "s1", "t1", "actor");
        List<Event> events = List.of(
                new Event.LlmCall(0, planner, "gpt-4o-mini", 1000, 200, 100, 1, "ok"),
                new Event.Invocation(0, planner, "planner-fn", 1024, true, 0, 1000, 1000, 1.0, 10, 10, "ok"),
                new Event.Invocation(0, Tags.NONE.withTurn("s1", "t1"), "tool-fn", 512, false, 0, 10, 10, 0.005, 1, 1,
                        "ok"),
                new Event.StoreOp(0, actor, "dynamodb", "put", 2048, Event.StoreOp.units(Map.of("dynamodb.wru", 2.0)),
                        1, "ok"),
                new Event.Transition(0, Tags.NONE, "fame-turn", "Plan", "Task", 100),
                new Event.Note(0, actor, "x", "y"));

        SortedMap<String, Cost> byRole = model.costByRole(events);

        assertThat(byRole).containsOnlyKeys("planner", "actor", "tool-fn", "workflow:fame-turn");
        // planner llm: 800 x 0.15/1e6 + 200 x 0.075/1e6 + 100 x 0.6/1e6 = 0.00012 + 0.000015 + 0.00006 = 0.000195
        assertThat(byRole.get("planner").usd(Service.LLM)).isCloseTo(0.000195, within(EPS));
        // planner lambda: 0.0000002 + 1.0 x 0.0000166667 = 0.0000168667
        assertThat(byRole.get("planner").usd(Service.LAMBDA)).isCloseTo(0.0000168667, within(EPS));
        // actor dynamodb: 2 x 0.625/1e6 = 0.00000125
        assertThat(byRole.get("actor").total()).isCloseTo(0.00000125, within(EPS));
        assertThat(byRole.get("workflow:fame-turn").usd(Service.STEPFUNCTIONS)).isCloseTo(0.000025, within(EPS));
    }

    @Test
    void should_reject_units_without_a_price_when_costing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.costOfUnits(Map.of("sqs.requests", 1.0)))
                .isInstanceOf(dev.fameharness.api.error.ConfigException.class)
                .hasMessageContaining("sqs.requests")
                .hasMessageContaining("aws-us-east-1.yaml");
    }
}
