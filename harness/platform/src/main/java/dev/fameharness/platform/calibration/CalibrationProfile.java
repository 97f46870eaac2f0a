package dev.fameharness.platform.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The calibration profile: every modeled cloud latency and every FaaS constant, each with its public
 * source or flagged as an assumption, read from one YAML file (format documented at the top of
 * {@code calibration/aws-us-east-1.yaml}). Loading validates everything; errors are
 * {@link ConfigException}s naming the file, the entry id and the field.
 *
 * @param origin    the file the profile was read from (for error messages)
 * @param name      the profile's name, e.g. {@code aws-us-east-1}
 * @param region    the cloud region the numbers are for
 * @param collected when the sources were collected
 * @param entries   latency entries by id, sorted
 * @param constants constants by id, sorted
 */
public record CalibrationProfile(String origin, String name, String region, String collected,
                                 SortedMap<String, Entry> entries, SortedMap<String, Constant> constants) {

    /** The classpath resource of the default profile. */
    public static final String DEFAULT_RESOURCE = "calibration/aws-us-east-1.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.\\-]*");

    public CalibrationProfile {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(collected, "collected");
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        constants = Collections.unmodifiableSortedMap(new TreeMap<>(constants));
    }

    /** What an entry's {@code quantity} argument means. */
    public enum QuantityKind {
        NONE, BYTES, MEMORY_MB, TOKENS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A table row: {@code base} applies from quantity {@code at} up to the next row's {@code at}. */
    public record Row(long at, Distribution base) {
        public Row {
            Objects.requireNonNull(base, "base");
        }
    }

    /**
     * One latency entry. A sample is {@code base (or the table row for the quantity) + quantity * perUnitMs
     * + quantity / throughputBytesPerS} (the last two only when set, i.e. non-zero).
     */
    public record Entry(String id, QuantityKind quantity, Distribution base, List<Row> table, double perUnitMs,
                        double throughputBytesPerS, Quality quality, String note, List<Source> sources) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(note, "note");
            table = List.copyOf(table);
            sources = List.copyOf(sources);
        }

        public boolean isAssumption() {
            return quality == Quality.ASSUMPTION;
        }

        /** The distribution that applies to {@code quantity}: the table row for it, else {@link #base}. */
        public Distribution baseFor(long quantity) {
            if (table.isEmpty()) {
                return base;
            }
            Distribution chosen = table.get(0).base();
            for (Row row : table) {
                if (row.at() <= quantity) {
                    chosen = row.base();
                }
            }
            return chosen;
        }
    }

    /** A numeric constant (payload limit, quota, keep-alive, ...). */
    public record Constant(String id, double value, String unit, Quality quality, String note,
                           List<Source> sources) {
        public Constant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(note, "note");
            sources = List.copyOf(sources);
        }

        public boolean isAssumption() {
            return quality == Quality.ASSUMPTION;
        }

        /** The value as a whole number; fails if it has a fraction. */
        public long asLong() {
            long v = (long) value;
            if (v != value) {
                throw new ConfigException("constant " + id + " is not a whole number: " + value);
            }
            return v;
        }
    }

    /** The entry with this id; unknown ids fail naming the id and this profile's file. */
    public Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new ConfigException("no latency entry '" + id + "' in calibration profile " + origin
                    + "; known entries: " + entries.keySet());
        }
        return e;
    }

    /** The constant with this id; unknown ids fail naming the id and this profile's file. */
    public Constant constant(String id) {
        Constant c = constants.get(id);
        if (c == null) {
            throw new ConfigException("no constant '" + id + "' in calibration profile " + origin
                    + "; known constants: " + constants.keySet());
        }
        return c;
    }

    // --------------------------------------------------------------------------------------------- loading

    /** The profile shipped with the harness ({@value #DEFAULT_RESOURCE}). */
    public static CalibrationProfile loadDefault() {
        String origin = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = CalibrationProfile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("calibration profile " + origin + " is missing from the classpath");
            }
            return parse(in, origin);
        } catch (IOException e) {
            throw new ConfigException("cannot read calibration profile " + origin + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates a profile file. */
    public static CalibrationProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read calibration profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates a profile; {@code origin} names it in error messages. */
    public static CalibrationProfile parse(InputStream in, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("calibration profile " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("calibration profile " + origin + " must be a YAML mapping");
        }
        Reader r = new Reader(origin);
        r.allowOnly(root, "(top level)", Set.of("format", "profile", "region", "collected", "constants", "entries"));
        long format = r.requiredLong(root, "(top level)", "format");
        if (format != 1) {
            throw r.error("(top level)", "format", "must be 1 (the only format this harness reads), was " + format);
        }
        String name = r.requiredText(root, "(top level)", "profile");
        String region = r.requiredText(root, "(top level)", "region");
        String collected = r.requiredText(root, "(top level)", "collected");

        Map<String, Constant> constants = new LinkedHashMap<>();
        JsonNode cs = root.get("constants");
        if (cs != null) {
            r.requireObject(cs, "(top level)", "constants");
            for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                constants.put(f.getKey(), r.constant(f.getKey(), f.getValue()));
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode es = root.get("entries");
        if (es == null || !es.isObject() || es.isEmpty()) {
            throw r.error("(top level)", "entries", "must be a non-empty mapping of entry id to entry");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = es.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            entries.put(f.getKey(), r.entry(f.getKey(), f.getValue()));
        }
        return new CalibrationProfile(origin, name, region, collected, new TreeMap<>(entries), new TreeMap<>(constants));
    }

    /** Field-by-field reader that turns every problem into a ConfigException naming file, id and field. */
    private static final class Reader {
        private static final Set<String> ENTRY_FIELDS = Set.of("quantity", "base", "table", "per_unit_ms",
                "throughput_bytes_per_s", "quality", "assumption", "note", "sources");
        private static final Set<String> CONSTANT_FIELDS = Set.of("value", "unit", "quality", "assumption", "note",
                "sources");

        private final String origin;

        Reader(String origin) {
            this.origin = origin;
        }

        ConfigException error(String id, String field, String problem) {
            return new ConfigException("calibration profile " + origin + ", " + id + ", field '" + field + "': "
                    + problem);
        }

        void allowOnly(JsonNode node, String id, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(id, f, "unknown field; allowed: " + new TreeSet<>(allowed));
                }
            }
        }

        void requireObject(JsonNode node, String id, String field) {
            if (node == null || !node.isObject()) {
                throw error(id, field, "must be a mapping");
            }
        }

        String requiredText(JsonNode node, String id, String field) {
            return requiredText(node, id, field, field);
        }

        String requiredText(JsonNode node, String id, String key, String field) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                throw error(id, field, "is required (a non-empty value)");
            }
            return v.asText().trim();
        }

        String optionalText(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? "" : v.asText().trim();
        }

        long requiredLong(JsonNode node, String id, String field) {
            return requiredLong(node, id, field, field);
        }

        long requiredLong(JsonNode node, String id, String key, String field) {
            JsonNode v = node.get(key);
            if (v == null || !v.isIntegralNumber()) {
                throw error(id, field, "is required and must be a whole number");
            }
            return v.asLong();
        }

        double number(JsonNode node, String id, String field, boolean required) {
            return number(node, id, field, field, required);
        }

        double number(JsonNode node, String id, String key, String field, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(id, field, "is required (a number)");
                }
                return 0;
            }
            if (!v.isNumber()) {
                throw error(id, field, "must be a number, was '" + v.asText() + "'");
            }
            double d = v.asDouble();
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw error(id, field, "must be a finite number >= 0, was " + d);
            }
            return d;
        }

        void checkId(String id) {
            if (!ID.matcher(id).matches()) {
                throw error(id, "(id)", "ids are lower case [a-z0-9_.-], starting with a letter or digit");
            }
        }

        Quality quality(JsonNode node, String id) {
            String q = requiredText(node, id, "quality");
            Quality quality;
            try {
                quality = Quality.valueOf(q.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(id, "quality", "must be one of official, measured, secondary, assumption; was '" + q + "'");
            }
            JsonNode a = node.get("assumption");
            if (a == null || !a.isBoolean()) {
                throw error(id, "assumption", "is required: true or false");
            }
            if (a.asBoolean() != (quality == Quality.ASSUMPTION)) {
                throw error(id, "assumption", "is " + a.asBoolean() + " but quality is " + q
                        + " (assumption: true exactly when quality: assumption)");
            }
            return quality;
        }

        List<Source> sources(JsonNode node, String id, Quality quality) {
            JsonNode s = node.get("sources");
            List<Source> out = new ArrayList<>();
            if (s != null && !s.isNull()) {
                if (!s.isArray()) {
                    throw error(id, "sources", "must be a list of {url, date, what}");
                }
                for (int i = 0; i < s.size(); i++) {
                    JsonNode src = s.get(i);
                    String field = "sources[" + i + "]";
                    requireObject(src, id, field);
                    String url = requiredText(src, id, "url", field + ".url");
                    // file: names a measured run's event stream (fame calibrate writes such sources)
                    if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("file:/")) {
                        throw error(id, field + ".url", "must be an http(s) URL (or a file: URL of a measured run), was '"
                                + url + "'");
                    }
                    String date = requiredText(src, id, "date", field + ".date");
                    if (!DATE.matcher(date).matches()) {
                        throw error(id, field + ".date", "must be YYYY, YYYY-MM or YYYY-MM-DD, was '" + date + "'");
                    }
                    out.add(new Source(url, date, optionalText(src, "what")));
                }
            }
            if (out.isEmpty() && quality != Quality.ASSUMPTION) {
                throw error(id, "sources", "at least one source with url and date is required unless the entry is "
                        + "flagged assumption: true");
            }
            return out;
        }

        String note(JsonNode node, String id, Quality quality) {
            String note = optionalText(node, "note");
            if (quality == Quality.ASSUMPTION && note.isEmpty()) {
                throw error(id, "note", "an assumption must say in its note why no source exists");
            }
            return note;
        }

        Distribution distribution(JsonNode node, String id, String field) {
            requireObject(node, id, field);
            String kind = requiredText(node, id, "kind", field + ".kind");
            try {
                switch (kind) {
                    case "fixed" -> {
                        allowOnly(node, id, Set.of("kind", "ms"));
                        return new Distribution.Fixed(number(node, id, "ms", field + ".ms", true));
                    }
                    case "lognormal" -> {
                        allowOnly(node, id, Set.of("kind", "median_ms", "p99_ms", "p90_ms", "sigma"));
                        double median = numberAt(node, id, field, "median_ms", true);
                        int given = (node.has("p99_ms") ? 1 : 0) + (node.has("p90_ms") ? 1 : 0)
                                + (node.has("sigma") ? 1 : 0);
                        if (given != 1) {
                            throw error(id, field, "a lognormal needs median_ms and exactly one of p99_ms, p90_ms, sigma");
                        }
                        if (node.has("p99_ms")) {
                            return Distribution.LogNormal.ofMedianAndP99(median, numberAt(node, id, field, "p99_ms", true));
                        }
                        if (node.has("p90_ms")) {
                            return Distribution.LogNormal.ofMedianAndP90(median, numberAt(node, id, field, "p90_ms", true));
                        }
                        return new Distribution.LogNormal(median, numberAt(node, id, field, "sigma", true));
                    }
                    default -> throw error(id, field + ".kind", "must be fixed or lognormal, was '" + kind + "'");
                }
            } catch (IllegalArgumentException e) {
                throw error(id, field, e.getMessage());
            }
        }

        private double numberAt(JsonNode node, String id, String field, String name, boolean required) {
            JsonNode v = node.get(name);
            if (v == null || !v.isNumber()) {
                if (required) {
                    throw error(id, field + "." + name, "is required (a number)");
                }
                return 0;
            }
            return v.asDouble();
        }

        Entry entry(String id, JsonNode node) {
            checkId(id);
            requireObject(node, id, "(entry)");
            allowOnly(node, id, ENTRY_FIELDS);
            String q = requiredText(node, id, "quantity");
            QuantityKind kind;
            try {
                kind = QuantityKind.valueOf(q.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(id, "quantity", "must be one of none, bytes, memory_mb, tokens; was '" + q + "'");
            }
            JsonNode baseNode = node.get("base");
            JsonNode tableNode = node.get("table");
            if ((baseNode == null) == (tableNode == null)) {
                throw error(id, "base", "give exactly one of base and table");
            }
            List<Row> table = new ArrayList<>();
            Distribution base;
            if (tableNode != null) {
                if (!tableNode.isArray() || tableNode.isEmpty()) {
                    throw error(id, "table", "must be a non-empty list of {at, base}");
                }
                long previous = Long.MIN_VALUE;
                for (int i = 0; i < tableNode.size(); i++) {
                    JsonNode row = tableNode.get(i);
                    String field = "table[" + i + "]";
                    requireObject(row, id, field);
                    allowOnly(row, id, Set.of("at", "base"));
                    long at = requiredLong(row, id, "at", field + ".at");
                    if (at <= previous) {
                        throw error(id, field + ".at", "rows must be in increasing order of 'at'");
                    }
                    previous = at;
                    table.add(new Row(at, distribution(row.get("base"), id, field + ".base")));
                }
                base = table.get(0).base();
            } else {
                base = distribution(baseNode, id, "base");
            }
            double perUnit = number(node, id, "per_unit_ms", false);
            double throughput = number(node, id, "throughput_bytes_per_s", false);
            if (node.has("throughput_bytes_per_s") && (throughput <= 0 || kind != QuantityKind.BYTES)) {
                throw error(id, "throughput_bytes_per_s", "must be > 0 and needs quantity: bytes");
            }
            if ((perUnit > 0 || !table.isEmpty()) && kind == QuantityKind.NONE) {
                throw error(id, "quantity", "is none, but the entry scales with quantity (per_unit_ms or table)");
            }
            Quality quality = quality(node, id);
            return new Entry(id, kind, base, table, perUnit, throughput, quality, note(node, id, quality),
                    sources(node, id, quality));
        }

        Constant constant(String id, JsonNode node) {
            checkId(id);
            requireObject(node, id, "(constant)");
            allowOnly(node, id, CONSTANT_FIELDS);
            double value = number(node, id, "value", true);
            String unit = requiredText(node, id, "unit");
            Quality quality = quality(node, id);
            return new Constant(id, value, unit, quality, note(node, id, quality), sources(node, id, quality));
        }
    }
}
