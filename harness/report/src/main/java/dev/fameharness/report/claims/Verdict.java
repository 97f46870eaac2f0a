package dev.fameharness.report.claims;

import java.util.Locale;

/**
 * The verdict on a paper claim, decided by one written rule from a 95% interval [low, high] (REPORT.md prints
 * {@link #RULE}). For a ratio claim (candidate over baseline, lower is better, the paper's figure as a ratio F,
 * e.g. "13x lower" is F = 1/13, "88% fewer" is F = 0.12):
 * <ul>
 *   <li>{@link #HOLDS}: the interval lies below 1 and reaches the paper's figure (low &lt;= F);</li>
 *   <li>{@link #DIRECTION_ONLY}: the interval lies below 1 but stops short of the figure (low &gt; F);</li>
 *   <li>{@link #DOES_NOT_HOLD}: the interval contains 1 (no difference shown);</li>
 *   <li>{@link #WORSE}: the interval lies above 1 (the candidate is significantly worse).</li>
 * </ul>
 * For a "higher" claim on a difference (candidate minus baseline, e.g. completion): holds when low &gt; 0, worse
 * when high &lt; 0, else does not hold. For a "no worse" guard (answer quality) with margin m &gt; 0: holds when
 * low &gt;= -m, worse when high &lt; -m, else does not hold (the interval is too wide to rule out a loss).
 */
public enum Verdict {
    HOLDS("holds"), DIRECTION_ONLY("direction only"), DOES_NOT_HOLD("does not hold"), WORSE("worse");

    /** The rule as REPORT.md states it. */
    public static final String RULE = "Verdicts follow from the session-level 95% interval [low, high] of the "
            + "candidate-over-baseline ratio, with the paper's figure F written as a ratio (13x lower = 1/13 = 0.077; "
            + "88% fewer = 0.12; 66% lower = 0.34): **holds** when the interval lies below 1 and reaches F (low <= F); "
            + "**direction only** when it lies below 1 but stops short of F (low > F); **does not hold** when it "
            + "contains 1; **worse** when it lies above 1. For \"higher completion\" (a difference of rates): holds "
            + "when low > 0, worse when high < 0, else does not hold. For answer quality (\"no worse\", a difference "
            + "with a non-inferiority margin m): holds when low >= -m, worse when high < -m, else does not hold.";

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A lower-is-better ratio claim whose paper figure is {@code paperRatio} (in (0, 1)). */
    public static Verdict ratio(double low, double high, double paperRatio) {
        check(low, high);
        if (!(paperRatio > 0 && paperRatio < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a lower-is-better figure must be a ratio in (0, 1), was %s", paperRatio));
        }
        if (low > 1) {
            return WORSE;
        }
        if (high >= 1) {
            return DOES_NOT_HOLD;
        }
        return low <= paperRatio ? HOLDS : DIRECTION_ONLY;
    }

    /** A "higher" claim on a difference (candidate minus baseline). */
    public static Verdict higher(double low, double high) {
        check(low, high);
        if (low > 0) {
            return HOLDS;
        }
        return high < 0 ? WORSE : DOES_NOT_HOLD;
    }

    /** A "no worse" guard on a difference (candidate minus baseline) with non-inferiority margin {@code m}. */
    public static Verdict noWorse(double low, double high, double margin) {
        check(low, high);
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be >= 0, was " + margin);
        }
        if (low >= -margin) {
            return HOLDS;
        }
        return high < -margin ? WORSE : DOES_NOT_HOLD;
    }

    private static void check(double low, double high) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
    }
}
