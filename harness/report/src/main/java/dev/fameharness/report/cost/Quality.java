package dev.fameharness.report.cost;

import java.util.Locale;

/** How good the source of a price is (see the price file's header). */
public enum Quality {
    /** An AWS or OpenAI page states the figure. */
    OFFICIAL,
    /** A third-party page quotes the official figure; re-check against the live page. */
    SECONDARY,
    /** No citable figure: our choice, explained in the price's note. */
    ASSUMPTION;

    /** The name as written in the price file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
