package dev.fameharness.scenario.papers.corpus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One article of the corpus. {@link #sections()} and {@link #fullText()} are what an agent may read: the
 * title and body, with every abstract removed. {@link #references()} are the abstracts, kept apart as reference
 * summaries for ROUGE.
 *
 * @param id         file name without {@code .xml}, e.g. {@code journal.pbio.0020334} or {@code elife00005}
 * @param doi        the article DOI
 * @param title      the article title, whitespace-normalised
 * @param journal    the journal title
 * @param licence    the licence as named in {@code manifest.json}
 * @param sections   body sections in document order, nested sections flattened
 * @param references the article's abstracts by kind; always holds at least one entry
 */
public record Paper(String id, String doi, String title, String journal, String licence, List<Section> sections,
                    Map<ReferenceKind, String> references) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(licence, "licence");
        sections = List.copyOf(sections);
        if (references.isEmpty()) {
            throw new IllegalArgumentException("paper " + id + " has no abstract to score summaries against");
        }
        references = Collections.unmodifiableMap(new EnumMap<>(references));
    }

    /** The abstract of that kind, if the article has one. */
    public Optional<String> reference(ReferenceKind kind) {
        return Optional.ofNullable(references.get(kind));
    }

    /**
     * The reference summary answers are scored against: the author abstract, or for the two PLOS papers that lack
     * one, the first of Author Summary, eLife digest, TOC blurb that exists.
     */
    public String primaryReference() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            String text = references.get(kind);
            if (text != null) {
                return text;
            }
        }
        throw new IllegalStateException("unreachable: references is never empty");
    }

    /**
     * Title and sections as one text: the title on the first line, then each section as a {@code "## title"}
     * line followed by its text, separated by blank lines. Contains no abstract.
     */
    public String fullText() {
        StringBuilder out = new StringBuilder(title.length() + sections.size() * 2048);
        out.append(title).append('\n');
        for (Section section : sections) {
            out.append("\n## ").append(section.title()).append('\n').append(section.text()).append('\n');
        }
        return out.toString();
    }

    /** Words in the body sections (not the title). */
    public int bodyWordCount() {
        int words = 0;
        for (Section section : sections) {
            words += section.wordCount();
        }
        return words;
    }
}
