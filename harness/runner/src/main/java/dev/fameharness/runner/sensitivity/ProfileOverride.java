package dev.fameharness.runner.sensitivity;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.calibration.CalibrationProfile.Constant;
import dev.fameharness.platform.calibration.CalibrationProfile.Entry;
import dev.fameharness.platform.calibration.CalibrationProfile.Row;
import dev.fameharness.platform.calibration.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sets one number of a calibration profile, returning a new profile (the original is unchanged). Fields:
 * {@code median_ms} (an entry's base median; a lognormal keeps its sigma, so its tail moves in proportion; a
 * fixed base becomes that value; table rows are scaled by the same factor), {@code median_scale} (the base median
 * multiplied by the value, for groups of entries with different medians), {@code per_unit_ms},
 * {@code throughput_bytes_per_s} (entries) and {@code value} (constants).
 */
public final class ProfileOverride {

    public static final List<String> ENTRY_FIELDS = List.of("median_ms", "median_scale", "per_unit_ms",
            "throughput_bytes_per_s");
    public static final String CONSTANT_FIELD = "value";

    private ProfileOverride() {
    }

    /** {@code profile} with {@code field} of {@code id} set to {@code value}. */
    public static CalibrationProfile apply(CalibrationProfile profile, String id, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException("profile " + id + "." + field + " must be a finite number >= 0, was " + value);
        }
        TreeMap<String, Entry> entries = new TreeMap<>(profile.entries());
        TreeMap<String, Constant> constants = new TreeMap<>(profile.constants());
        if (profile.constants().containsKey(id)) {
            if (!field.equals(CONSTANT_FIELD)) {
                throw new ConfigException("profile constant " + id + " has only the field 'value', not '" + field + "'");
            }
            Constant c = profile.constant(id);
            constants.put(id, new Constant(id, value, c.unit(), c.quality(), c.note(), c.sources()));
        } else if (profile.entries().containsKey(id)) {
            entries.put(id, entry(profile.entry(id), field, value));
        } else {
            throw new ConfigException("no entry or constant '" + id + "' in calibration profile " + profile.origin()
                    + "; entries: " + profile.entries().keySet() + "; constants: " + profile.constants().keySet());
        }
        return new CalibrationProfile(profile.origin() + " (" + id + "." + field + " = " + value + ")", profile.name(),
                profile.region(), profile.collected(), entries, constants);
    }

    /** The current value of {@code field} of {@code id} (for the base column of the tables). */
    public static double current(CalibrationProfile profile, String id, String field) {
        if (profile.constants().containsKey(id)) {
            return profile.constant(id).value();
        }
        Entry e = profile.entry(id);
        return switch (field) {
            case "median_ms" -> e.base().medianMs();
            case "median_scale" -> 1.0;
            case "per_unit_ms" -> e.perUnitMs();
            case "throughput_bytes_per_s" -> e.throughputBytesPerS();
            default -> throw unknownField(e.id(), field);
        };
    }

    private static Entry entry(Entry e, String field, double value) {
        return switch (field) {
            case "median_ms" -> scaled(e, e.base().medianMs() == 0 ? Double.NaN : value / e.base().medianMs(), value);
            case "median_scale" -> scaled(e, value, e.base().medianMs() * value);
            case "per_unit_ms" -> new Entry(e.id(), e.quantity(), e.base(), e.table(), value, e.throughputBytesPerS(),
                    e.quality(), e.note(), e.sources());
            case "throughput_bytes_per_s" -> {
                if (value <= 0) {
                    throw new ConfigException("profile " + e.id() + ".throughput_bytes_per_s must be > 0, was " + value);
                }
                yield new Entry(e.id(), e.quantity(), e.base(), e.table(), e.perUnitMs(), value, e.quality(), e.note(),
                        e.sources());
            }
            default -> throw unknownField(e.id(), field);
        };
    }

    /** The entry with its base median set to {@code median} and every table row scaled by {@code factor}. */
    private static Entry scaled(Entry e, double factor, double median) {
        List<Row> rows = new ArrayList<>();
        for (Row r : e.table()) {
            rows.add(new Row(r.at(), withMedian(r.base(), r.base().medianMs() * factor)));
        }
        return new Entry(e.id(), e.quantity(), withMedian(e.base(), median), rows, e.perUnitMs(), e.throughputBytesPerS(),
                e.quality(), e.note(), e.sources());
    }

    private static Distribution withMedian(Distribution d, double median) {
        if (Double.isNaN(median)) {
            throw new ConfigException("cannot scale a distribution whose median is 0");
        }
        if (d instanceof Distribution.LogNormal l) {
            if (median <= 0) {
                throw new ConfigException("a lognormal median must be > 0, was " + median);
            }
            return new Distribution.LogNormal(median, l.sigma());
        }
        return new Distribution.Fixed(median);
    }

    private static ConfigException unknownField(String id, String field) {
        return new ConfigException("profile entry " + id + " has no settable field '" + field + "'; accepted: "
                + ENTRY_FIELDS);
    }
}
