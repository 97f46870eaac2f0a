package dev.fameharness.report.results;

import java.math.BigDecimal;
import java.util.Locale;

/** Locale-independent number formatting shared by the writers. */
final class Numbers {

    private Numbers() {
    }

    /** The shortest decimal that round-trips {@code d}, without exponent or trailing zeros ("0.0000125", "3"). */
    static String plain(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == 0) {
            return "0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** {@code d} with {@code decimals} digits after the point (Locale.ROOT, half-up as {@link String#format}). */
    static String fixed(double d, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    /** {@code d} as BigDecimal for JSON (written plain). */
    static BigDecimal decimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        return d == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(d).stripTrailingZeros();
    }
}
