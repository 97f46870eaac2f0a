package dev.fameharness.scenario.papers.library;

import java.util.Objects;

/** A section as {@code list_sections} reports it: its index (from 0), flattened title and size. */
public record SectionInfo(int index, String title, int chars, int words) {

    public SectionInfo {
        Objects.requireNonNull(title, "title");
    }
}
