package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.cost.Price;
import dev.fameharness.report.cost.PriceBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Estimates what an action against AWS costs, from the price file ({@link PriceBook}, the same one the cost
 * model prices simulated runs with: no price is repeated here). Two estimates:
 *
 * <p><b>Deploy</b> ({@link #deploy}): the standing cost of a stack over the hours it is expected to exist, read
 * from the resources the template declares. Only time-billed resources cost anything while idle:
 * <ul>
 *   <li>{@code AWS::ElastiCache::ServerlessCache}: data stored is billed at no less than the price's
 *       {@code minimum} GB every hour: minimum x hours x p(redis.gb_hour);</li>
 *   <li>the uploaded objects (deployment jar, and the template when it goes through S3):
 *       bytes / bytes_per_gb x hours / hours_per_month x p(s3.storage_gb_month), plus one tier-1 request (PUT)
 *       each: uploads x p(s3.tier1);</li>
 *   <li>Lambda functions, the Standard state machine, an on-demand (PAY_PER_REQUEST) DynamoDB table and an empty
 *       S3 bucket bill per request and per stored byte only: 0 while idle (one line says so);</li>
 *   <li>IAM roles cost nothing; log groups bill CloudWatch Logs ingestion and storage per GB logged, which is not
 *       in the price file and is 0 while idle.</li>
 * </ul>
 * Any other resource type is refused: a resource nobody priced is a bug, not a zero.
 *
 * <p><b>Run</b> ({@link #run}): sum over presets of turns x the mean billing units of one turn x their prices
 * (redis.ops and redis.bytes become ECPUs as {@link CostModel#redisEcpus} says). The per-turn units come from
 * the simulator: a virtual-clock run of the same experiment meters every turn's units ({@link TurnRecord#units()}),
 * and {@link #meanUnits} averages them per preset. Add the stacks' standing cost over the run's expected duration
 * ({@link #deploy} with that duration) with {@link #combine}.
 */
public final class CloudCostEstimator {

    /** What one preset of a run is expected to do: how many turns, and the mean billing units of one turn. */
    public record PresetLoad(String preset, long turns, SortedMap<String, Double> unitsPerTurn) {
        public PresetLoad {
            Objects.requireNonNull(preset, "preset");
            if (turns < 0) {
                throw new IllegalArgumentException(preset + ": turns must be >= 0, was " + turns);
            }
            unitsPerTurn = new TreeMap<>(unitsPerTurn);
        }
    }

    private static final List<String> PAY_PER_USE = List.of("AWS::Lambda::Function",
            "AWS::StepFunctions::StateMachine", "AWS::DynamoDB::Table", "AWS::S3::Bucket");
    private static final List<String> NO_CHARGE = List.of("AWS::IAM::Role", "AWS::Logs::LogGroup");

    private final PriceBook prices;

    public CloudCostEstimator(PriceBook prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** An estimator over the price file shipped with the harness. */
    public static CloudCostEstimator withDefaultPrices() {
        return new CloudCostEstimator(PriceBook.loadDefault());
    }

    private String source() {
        return prices.file() + ", collected " + prices.collected();
    }

    private CostLine line(String item, String priceId, double quantity) {
        return new CostLine(item, priceId, quantity, quantity * prices.usdPerUnit(priceId));
    }

    /**
     * The cost of deploying {@code template} and keeping it for {@code standing}.
     *
     * @param uploadedBytes sizes of the objects the deploy uploads to the artifact bucket (jar, maybe the template)
     */
    public CostEstimate deploy(String subject, JsonNode template, List<Long> uploadedBytes, Duration standing) {
        if (standing.isNegative()) {
            throw new ConfigException("the standing time must be >= 0, was " + standing);
        }
        double hours = standing.toNanos() / 3.6e12;
        List<CostLine> lines = new ArrayList<>();
        SortedMap<String, Integer> perUse = new TreeMap<>();
        SortedMap<String, Integer> free = new TreeMap<>();
        var resources = template.path("Resources").fields();
        while (resources.hasNext()) {
            var r = resources.next();
            String type = r.getValue().path("Type").asText();
            JsonNode props = r.getValue().path("Properties");
            if ("AWS::ElastiCache::ServerlessCache".equals(type)) {
                Price p = prices.price(CostModel.REDIS_GB_HOUR);
                lines.add(line(String.format(Locale.ROOT, "%s (ElastiCache Serverless): data stored billed at "
                        + "least %s GB x %s h", r.getKey(), num(p.minimum()), num(hours)), p.id(), p.minimum() * hours));
            } else if ("AWS::DynamoDB::Table".equals(type) && !"PAY_PER_REQUEST".equals(props.path("BillingMode").asText())) {
                throw new ConfigException("resource " + r.getKey() + ": a provisioned DynamoDB table bills capacity by "
                        + "the hour and the price file has no such price; only PAY_PER_REQUEST tables are estimated");
            } else if (PAY_PER_USE.contains(type)) {
                perUse.merge(type, 1, Integer::sum);
            } else if (NO_CHARGE.contains(type)) {
                free.merge(type, 1, Integer::sum);
            } else {
                throw new ConfigException("resource " + r.getKey() + ": type " + type + " has no standing-cost rule "
                        + "in CloudCostEstimator; price it before deploying it");
            }
        }
        long bytes = 0;
        for (long b : uploadedBytes) {
            if (b < 0) {
                throw new IllegalArgumentException("uploaded sizes must be >= 0, were " + uploadedBytes);
            }
            bytes += b;
        }
        if (!uploadedBytes.isEmpty()) {
            double gbMonths = bytes / prices.bytesPerGb() * hours / prices.hoursPerMonth();
            lines.add(line(String.format(Locale.ROOT, "S3 storage of the %d uploaded object(s), %d bytes x %s h",
                    uploadedBytes.size(), bytes, num(hours)), CostModel.S3_STORAGE, gbMonths));
            lines.add(line("S3 PUT of the uploaded object(s)", CostModel.S3_TIER1, uploadedBytes.size()));
        }
        if (!perUse.isEmpty()) {
            lines.add(new CostLine("billed per request or stored byte, nothing while idle: " + perUse, "", 0, 0));
        }
        if (!free.isEmpty()) {
            lines.add(new CostLine("no charge (log groups: CloudWatch Logs per GB logged, not in the price file): "
                    + free, "", 0, 0));
        }
        return new CostEstimate(subject, lines, source());
    }

    /**
     * The usage-based cost of a run: for each preset, turns x mean units per turn, each unit priced from the
     * price file; redis.ops and redis.bytes are priced as ECPUs ({@link CostModel#redisEcpus} over the run's
     * totals). A unit without a price is refused with the price file's name.
     */
    public CostEstimate run(String subject, List<PresetLoad> loads) {
        List<CostLine> lines = new ArrayList<>();
        for (PresetLoad load : loads) {
            double ops = 0;
            double redisBytes = 0;
            for (Map.Entry<String, Double> u : load.unitsPerTurn().entrySet()) {
                double total = u.getValue() * load.turns();
                if (CostModel.REDIS_OPS.equals(u.getKey())) {
                    ops = total;
                } else if (CostModel.REDIS_BYTES.equals(u.getKey())) {
                    redisBytes = total;
                } else {
                    lines.add(line(load.preset() + ": " + load.turns() + " turns x " + num(u.getValue()) + " "
                            + u.getKey() + " per turn", u.getKey(), total));
                }
            }
            if (ops > 0 || redisBytes > 0) {
                lines.add(line(load.preset() + ": ECPUs = max(redis.ops, ceil(redis.bytes / 1024)) over "
                        + load.turns() + " turns", CostModel.REDIS_ECPU, CostModel.redisEcpus(ops, redisBytes)));
            }
        }
        return new CostEstimate(subject, lines, source());
    }

    /** Several estimates as one (e.g. a run's usage plus its stacks' standing cost over the run). */
    public static CostEstimate combine(String subject, List<CostEstimate> parts) {
        List<CostLine> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (CostEstimate e : parts) {
            lines.addAll(e.lines());
            if (!sources.contains(e.source())) {
                sources.add(e.source());
            }
        }
        return new CostEstimate(subject, lines, String.join("; ", sources));
    }

    /** The mean billing units of one turn over {@code turns} (e.g. a simulated run's turns of one preset). */
    public static SortedMap<String, Double> meanUnits(Collection<TurnRecord> turns) {
        TreeMap<String, Double> sum = new TreeMap<>();
        for (TurnRecord t : turns) {
            t.units().forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        if (!turns.isEmpty()) {
            sum.replaceAll((k, v) -> v / turns.size());
        }
        return sum;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4g", d);
    }
}
