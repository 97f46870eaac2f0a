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
    SEARCH_THEN_SUMMARIZE,
    /**
     * A follow-up that names nothing: it refers to the previous turn ("What methods did they use?", "Make your
     * last answer shorter") or to the session's first paper ("How do its methods differ from the first
     * paper's?"). Only an agent that remembers the conversation knows what it is about; {@link Turn#form()}
     * says which form, {@link Turn#paperIds()} which papers it is about.
     */
    IMPLICIT_FOLLOW_UP
}
