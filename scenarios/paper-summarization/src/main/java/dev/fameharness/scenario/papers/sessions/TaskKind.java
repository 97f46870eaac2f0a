package dev.fameharness.scenario.papers.sessions;

/** What a user asks for in one turn. */
public enum TaskKind {
    /** Summarize one paper, named by id and title. */
    SUMMARIZE_PAPER,
    /** Summarize one section of a paper, named by its flattened title. */
    SUMMARIZE_SECTION,
    /** Compare two papers; scored against both abstracts. */
    COMPARE_PAPERS,
    /** A question about a paper summarized in an earlier turn (earlier arrival) of the same session. */
    FOLLOW_UP,
    /** Find a paper from keywords of its title, then summarize it; the target is that paper. */
    SEARCH_THEN_SUMMARIZE
}
