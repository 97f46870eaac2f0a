package dev.fameharness.scenario.papers.corpus;

import java.util.Optional;

/**
 * The kinds of reference summary a JATS article carries, by the {@code abstract-type} attribute of its
 * {@code <abstract>} elements. All of them are removed from the text the agent reads.
 */
public enum ReferenceKind {
    /** {@code <abstract>} without {@code abstract-type}: the authors' abstract, the default ROUGE reference. */
    AUTHOR_ABSTRACT(null),
    /** eLife's plain-language "eLife digest": {@code abstract-type="executive-summary"}. */
    ELIFE_DIGEST("executive-summary"),
    /** PLOS's "Author Summary": {@code abstract-type="summary"}. */
    AUTHOR_SUMMARY("summary"),
    /** A one-paragraph table-of-contents blurb ({@code abstract-type="toc"}); the only abstract of two PLOS papers. */
    TOC_BLURB("toc");

    private final String abstractType;

    ReferenceKind(String abstractType) {
        this.abstractType = abstractType;
    }

    /** The {@code abstract-type} attribute value, empty for the author abstract. */
    public Optional<String> abstractType() {
        return Optional.ofNullable(abstractType);
    }

    /** The kind for an {@code abstract-type} attribute value ("" for none); empty for types not kept. */
    public static Optional<ReferenceKind> forAbstractType(String attribute) {
        for (ReferenceKind kind : values()) {
            if (attribute.equals(kind.abstractType == null ? "" : kind.abstractType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
