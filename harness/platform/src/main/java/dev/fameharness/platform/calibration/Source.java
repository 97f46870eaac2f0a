package dev.fameharness.platform.calibration;

import java.util.Objects;

/** Where a profile number comes from: a public URL, its date (published, else accessed) and what it says. */
public record Source(String url, String date, String what) {
    public Source {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(what, "what");
    }
}
