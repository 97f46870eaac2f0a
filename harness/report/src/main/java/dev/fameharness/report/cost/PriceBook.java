package dev.fameharness.report.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.report.Defaults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dated price file: region, collection date and one {@link Price} per billing unit. Loaded from YAML and
 * validated field by field; every error names the file, the price id and the field. Free tiers are never
 * applied ({@code free_tier_applied} must be {@code false}).
 *
 * @param file          where the prices were read from (a path or a class-path resource), for messages
 * @param hoursPerMonth hours in a billing month, to convert GB-month prices to a run's duration
 * @param bytesPerGb    bytes in a billed GB (2^30)
 */
public record PriceBook(String file, String region, LocalDate collected, String currency, double hoursPerMonth,
                        double bytesPerGb, SortedMap<String, Price> prices) {

    /** Units every price file must price: the per-turn units and the per-run storage units. */
    public static final java.util.List<String> REQUIRED = java.util.List.of(
            CostModel.LAMBDA_REQUESTS, CostModel.LAMBDA_GB_S, CostModel.SFN_TRANSITIONS, CostModel.DYNAMODB_RRU,
            CostModel.DYNAMODB_WRU, CostModel.DYNAMODB_STORAGE, CostModel.S3_TIER1, CostModel.S3_TIER2,
            CostModel.S3_BYTES_IN, CostModel.S3_BYTES_OUT, CostModel.S3_STORAGE, CostModel.REDIS_ECPU,
            CostModel.REDIS_GB_HOUR, CostModel.LLM_INPUT, CostModel.LLM_CACHED_INPUT, CostModel.LLM_OUTPUT);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public PriceBook {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(currency, "currency");
        prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices));
    }

    /** The price file shipped with the harness ({@value Defaults#PRICE_FILE}). */
    public static PriceBook loadDefault() {
        String name = "classpath:" + Defaults.PRICE_FILE;
        try (InputStream in = PriceBook.class.getClassLoader().getResourceAsStream(Defaults.PRICE_FILE)) {
            if (in == null) {
                throw new ConfigException(name + ": price file not found on the class path");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read price file: " + e.getMessage(), e);
        }
    }

    /** Loads and validates a price file. */
    public static PriceBook load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read price file: " + e, e);
        }
        return parse(path.toString(), text);
    }

    /** Parses and validates price-file text; {@code file} names it in error messages. */
    public static PriceBook parse(String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected a mapping with region, collected, currency and prices");
        }
        String region = text(file, "", root, "region");
        LocalDate collected = date(file, "", root, "collected");
        String currency = text(file, "", root, "currency");
        if (!"USD".equals(currency)) {
            throw new ConfigException(file + ": field currency: only USD is supported, got " + currency);
        }
        JsonNode free = root.get("free_tier_applied");
        if (free == null || !free.isBoolean() || free.booleanValue()) {
            throw new ConfigException(file + ": field free_tier_applied: must be present and false "
                    + "(the cost model never applies free tiers)");
        }
        double hoursPerMonth = positive(file, "", root, "hours_per_month");
        double bytesPerGb = positive(file, "", root, "bytes_per_gb");
        JsonNode list = root.get("prices");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigException(file + ": field prices: expected a non-empty list");
        }
        TreeMap<String, Price> prices = new TreeMap<>();
        int index = 0;
        for (JsonNode p : list) {
            String where = "prices[" + index++ + "]";
            if (!p.isObject()) {
                throw new ConfigException(file + ": " + where + ": expected a mapping");
            }
            String id = text(file, where, p, "id");
            String ctx = "price " + id;
            String serviceLabel = text(file, ctx, p, "service");
            Service service = Service.ofLabel(serviceLabel).orElseThrow(() -> new ConfigException(file + ": "
                    + ctx + ": field service: unknown service '" + serviceLabel + "', expected one of "
                    + labels()));
            double usd = number(file, ctx, p, "usd");
            if (usd < 0) {
                throw new ConfigException(file + ": " + ctx + ": field usd: must be >= 0, got " + usd);
            }
            double per = positive(file, ctx, p, "per");
            double minimum = p.has("minimum") ? number(file, ctx, p, "minimum") : 0;
            if (minimum < 0) {
                throw new ConfigException(file + ": " + ctx + ": field minimum: must be >= 0, got " + minimum);
            }
            String source = text(file, ctx, p, "source");
            if (!source.startsWith("https://") && !source.startsWith("http://")) {
                throw new ConfigException(file + ": " + ctx + ": field source: must be a URL, got " + source);
            }
            LocalDate date = date(file, ctx, p, "date");
            String qualityText = text(file, ctx, p, "quality");
            Quality quality;
            try {
                quality = Quality.valueOf(qualityText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + ctx + ": field quality: '" + qualityText
                        + "' is not one of official, secondary, assumption", e);
            }
            String note = text(file, ctx, p, "note");
            if (prices.put(id, new Price(id, service, usd, per, minimum, source, date, quality, note)) != null) {
                throw new ConfigException(file + ": " + ctx + ": field id: duplicate price id");
            }
        }
        for (String required : REQUIRED) {
            if (!prices.containsKey(required)) {
                throw new ConfigException(file + ": price " + required + ": missing (required: " + REQUIRED + ")");
            }
        }
        return new PriceBook(file, region, collected, currency, hoursPerMonth, bytesPerGb, prices);
    }

    /** The price of {@code id}; a {@link ConfigException} naming the file when there is none. */
    public Price price(String id) {
        Price p = prices.get(id);
        if (p == null) {
            throw new ConfigException(file + ": price " + id + ": not in the price file");
        }
        return p;
    }

    /** Dollars per single unit of {@code id}. */
    public double usdPerUnit(String id) {
        return price(id).usdPerUnit();
    }

    private static String labels() {
        StringBuilder b = new StringBuilder();
        for (Service s : Service.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.label());
        }
        return b.toString();
    }

    private static String prefix(String file, String ctx) {
        return file + ": " + (ctx.isEmpty() ? "" : ctx + ": ");
    }

    private static String text(String file, String ctx, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException(prefix(file, ctx) + "field " + field + ": missing or empty");
        }
        return v.asText().trim();
    }

    private static double number(String file, String ctx, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new ConfigException(prefix(file, ctx) + "field " + field + ": expected a number, got "
                    + (v == null ? "nothing" : v.toString()));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new ConfigException(prefix(file, ctx) + "field " + field + ": must be finite");
        }
        return d;
    }

    private static double positive(String file, String ctx, JsonNode node, String field) {
        double d = number(file, ctx, node, field);
        if (d <= 0) {
            throw new ConfigException(prefix(file, ctx) + "field " + field + ": must be > 0, got " + d);
        }
        return d;
    }

    private static LocalDate date(String file, String ctx, JsonNode node, String field) {
        String t = text(file, ctx, node, field);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new ConfigException(prefix(file, ctx) + "field " + field + ": expected YYYY-MM-DD, got " + t, e);
        }
    }

}
