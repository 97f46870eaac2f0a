package dev.fameharness.scenario.papers.corpus;

import java.util.Objects;

/**
 * One section of a paper's body as the agent reads it. Nested JATS sections are flattened: {@code title} is the
 * path of section titles joined by {@value #PATH_SEPARATOR} (for example {@code "Results / Figure 2 analysis"}),
 * and {@code text} holds only the section's own paragraphs (its subsections are separate {@code Section}s).
 */
public record Section(String title, String text) {

    /** Joins the titles of nested sections. */
    public static final String PATH_SEPARATOR = " / ";

    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (title.isBlank()) {
            throw new IllegalArgumentException("section title must not be blank");
        }
    }

    /** Length of {@link #text()} in characters. */
    public int sizeChars() {
        return text.length();
    }

    /** Whitespace-separated words in {@link #text()}. */
    public int wordCount() {
        return Texts.wordCount(text);
    }
}
