package dev.fameharness.platform.calibration;

import java.util.Locale;

/** How much a profile number can be trusted; written in lower case in the profile file. */
public enum Quality {
    /** An official figure of the provider (AWS, OpenAI). */
    OFFICIAL,
    /** A published third-party measurement. */
    MEASURED,
    /** A third party quoting an official figure that could not be read at the source. */
    SECONDARY,
    /** No citable figure: the value is our assumption and the entry's note says why. */
    ASSUMPTION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
