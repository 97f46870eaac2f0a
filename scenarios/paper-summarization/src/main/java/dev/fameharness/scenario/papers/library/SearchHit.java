package dev.fameharness.scenario.papers.library;

import java.util.Objects;

/**
 * One ranked search result.
 *
 * @param paperId the paper id, as {@code fetch_paper} accepts it
 * @param title   the paper title
 * @param score   Lucene BM25 score (higher is better; comparable only within one query)
 * @param snippet a short excerpt of the body around the first query term found, at most about 240 characters
 */
public record SearchHit(String paperId, String title, double score, String snippet) {

    public SearchHit {
        Objects.requireNonNull(paperId, "paperId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
    }
}
