package dev.fameharness.report.cost;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.report.TurnRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns billing units into dollars with a {@link PriceBook}. Usage-based cost (requests, GB-s, transitions,
 * request units, ECPUs, tokens) is computed per turn from {@link TurnRecord#units()} and summed per session and
 * per run; time-based cost (GB-month storage, Redis GB-hours with the 1 GB minimum) is a separate per-run
 * figure from {@link RunStorage}. Free tiers are not applied.
 *
 * <p>Formulas (p(x) = the price file's USD per unit of x):
 * <ul>
 *   <li>lambda = lambda.requests x p + lambda.gb_s x p</li>
 *   <li>stepfunctions = sfn.transitions x p</li>
 *   <li>dynamodb = dynamodb.rru x p + dynamodb.wru x p</li>
 *   <li>s3 = s3.tier1 x p + s3.tier2 x p + s3.bytes_in x p + s3.bytes_out x p</li>
 *   <li>redis = max(redis.ops, ceil(redis.bytes / 1024)) x p(redis.ecpu)</li>
 *   <li>llm = llm.input_tokens (uncached) x p + llm.cached_input_tokens x p + llm.output_tokens x p</li>
 * </ul>
 * Any other unit in a record must have a price (its service says where it is reported), or the model throws a
 * {@link ConfigException}: a unit nobody priced is a bug, not a zero.
 */
public final class CostModel {

    public static final String LAMBDA_REQUESTS = "lambda.requests";
    public static final String LAMBDA_GB_S = "lambda.gb_s";
    public static final String SFN_TRANSITIONS = "sfn.transitions";
    public static final String DYNAMODB_RRU = "dynamodb.rru";
    public static final String DYNAMODB_WRU = "dynamodb.wru";
    public static final String DYNAMODB_STORAGE = "dynamodb.storage_gb_month";
    public static final String S3_TIER1 = "s3.tier1";
    public static final String S3_TIER2 = "s3.tier2";
    public static final String S3_BYTES_IN = "s3.bytes_in";
    public static final String S3_BYTES_OUT = "s3.bytes_out";
    public static final String S3_STORAGE = "s3.storage_gb_month";
    public static final String REDIS_OPS = "redis.ops";
    public static final String REDIS_BYTES = "redis.bytes";
    public static final String REDIS_ECPU = "redis.ecpu";
    public static final String REDIS_GB_HOUR = "redis.gb_hour";
    public static final String LLM_INPUT = "llm.input_tokens";
    public static final String LLM_CACHED_INPUT = "llm.cached_input_tokens";
    public static final String LLM_OUTPUT = "llm.output_tokens";

    /** Role key for events without a role tag. */
    public static final String UNATTRIBUTED = "unattributed";

    private final PriceBook prices;

    public CostModel(PriceBook prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** A cost model over the shipped price file. */
    public static CostModel withDefaultPrices() {
        return new CostModel(PriceBook.loadDefault());
    }

    public PriceBook prices() {
        return prices;
    }

    /** ElastiCache Serverless ECPUs for {@code ops} simple commands moving {@code bytes} in total. */
    public static double redisEcpus(double ops, double bytes) {
        return Math.max(ops, Math.ceil(bytes / 1024.0));
    }

    /** The usage-based cost of a set of billing units (as in {@link TurnRecord#units()}). */
    public Cost costOfUnits(Map<String, Double> units) {
        TreeMap<String, Double> usd = new TreeMap<>();
        double redisOps = 0;
        double redisBytes = 0;
        for (Map.Entry<String, Double> e : units.entrySet()) {
            String unit = e.getKey();
            double amount = e.getValue();
            if (!Double.isFinite(amount) || amount < 0) {
                throw new IllegalArgumentException("unit " + unit + ": amount must be finite and >= 0, got " + amount);
            }
            if (REDIS_OPS.equals(unit)) {
                redisOps = amount;
            } else if (REDIS_BYTES.equals(unit)) {
                redisBytes = amount;
            } else {
                Price p = prices.prices().get(unit);
                if (p == null) {
                    throw new ConfigException(prices.file() + ": price " + unit
                            + ": metered unit has no price (add it to the price file)");
                }
                usd.merge(p.service().label(), amount * p.usdPerUnit(), Double::sum);
            }
        }
        if (redisOps > 0 || redisBytes > 0) {
            Price ecpu = prices.price(REDIS_ECPU);
            usd.merge(ecpu.service().label(), redisEcpus(redisOps, redisBytes) * ecpu.usdPerUnit(), Double::sum);
        }
        return new Cost(usd);
    }

    /** The usage-based cost of one turn. */
    public Cost turnCost(TurnRecord turn) {
        return costOfUnits(turn.units());
    }

    /** The usage-based cost of many turns (a session, a preset, a run): the sum of their turn costs. */
    public Cost total(Collection<TurnRecord> turns) {
        Cost total = Cost.ZERO;
        for (TurnRecord t : turns) {
            total = total.plus(turnCost(t));
        }
        return total;
    }

    /** Usage-based cost per session id, sorted by session id. */
    public SortedMap<String, Cost> bySession(Collection<TurnRecord> turns) {
        TreeMap<String, Cost> out = new TreeMap<>();
        for (TurnRecord t : turns) {
            String session = t.sessionId() == null ? "" : t.sessionId();
            out.merge(session, turnCost(t), Cost::plus);
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The time-based part of a run's cost: DynamoDB and S3 GB-months for the bytes held over the run's duration
     * (a month = the price file's {@code hours_per_month}), and ElastiCache Serverless GB-hours for
     * max(peak Redis bytes, the price's minimum GB) when the preset has a Redis cache.
     */
    public Cost storageCost(RunStorage storage) {
        double hours = storage.duration().toNanos() / 3.6e12;
        double months = hours / prices.hoursPerMonth();
        double gb = prices.bytesPerGb();
        TreeMap<String, Double> usd = new TreeMap<>();
        Price dynamo = prices.price(DYNAMODB_STORAGE);
        usd.merge(dynamo.service().label(), storage.dynamodbBytes() / gb * months * dynamo.usdPerUnit(), Double::sum);
        Price s3 = prices.price(S3_STORAGE);
        usd.merge(s3.service().label(), storage.s3Bytes() / gb * months * s3.usdPerUnit(), Double::sum);
        if (storage.redisPeakBytes().isPresent()) {
            Price redis = prices.price(REDIS_GB_HOUR);
            double billedGb = Math.max(storage.redisPeakBytes().getAsLong() / gb, redis.minimum());
            usd.merge(redis.service().label(), billedGb * hours * redis.usdPerUnit(), Double::sum);
        }
        return new Cost(usd);
    }

    /**
     * Usage-based cost by role from the raw event stream: LLM calls by {@code tags.role}; invocations by
     * {@code tags.role}, else by function name; store operations by {@code tags.role}; transitions by
     * {@code "workflow:" + workflow}. Events without a role go under {@value #UNATTRIBUTED}. Other events cost
     * nothing. The sum over roles equals the cost of the same units summed per turn.
     */
    public SortedMap<String, Cost> costByRole(Iterable<? extends Event> events) {
        TreeMap<String, Cost> out = new TreeMap<>();
        for (Event e : events) {
            String role = e.tags().role().isEmpty() ? UNATTRIBUTED : e.tags().role();
            if (e instanceof Event.LlmCall c) {
                TreeMap<String, Double> u = new TreeMap<>();
                u.put(LLM_INPUT, (double) (c.inputTokens() - c.cachedInputTokens()));
                u.put(LLM_CACHED_INPUT, (double) c.cachedInputTokens());
                u.put(LLM_OUTPUT, (double) c.outputTokens());
                out.merge(role, costOfUnits(u), Cost::plus);
            } else if (e instanceof Event.Invocation i) {
                String key = e.tags().role().isEmpty() ? i.function() : e.tags().role();
                out.merge(key, costOfUnits(Map.of(LAMBDA_REQUESTS, 1.0, LAMBDA_GB_S, i.gbSeconds())), Cost::plus);
            } else if (e instanceof Event.StoreOp s) {
                out.merge(role, costOfUnits(s.units()), Cost::plus);
            } else if (e instanceof Event.Transition t) {
                out.merge("workflow:" + t.workflow(), costOfUnits(Map.of(SFN_TRANSITIONS, 1.0)), Cost::plus);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
