package dev.fameharness.scenario.papers.sessions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user request of a generated session.
 *
 * @param sessionId         e.g. {@code s007}
 * @param turnId            e.g. {@code s007-t02}
 * @param index             position in its session, from 0
 * @param arrival           virtual time from the start of the run at which the request arrives
 * @param simultaneous      true when it arrives at the same instant as the previous turn of its session
 * @param kind              the task
 * @param paperIds          the papers the task is about (two for {@link TaskKind#COMPARE_PAPERS}); for
 *                          {@link TaskKind#SEARCH_THEN_SUMMARIZE} the paper the query was built from, which the
 *                          request itself does not name
 * @param sectionTitle      the flattened section title, for {@link TaskKind#SUMMARIZE_SECTION} only
 * @param query             the search keywords, for {@link TaskKind#SEARCH_THEN_SUMMARIZE} only
 * @param request           the user's request in natural language, as the agent receives it
 * @param referencePaperIds papers whose abstracts score the answer (both papers for a comparison)
 * @param form              for {@link TaskKind#IMPLICIT_FOLLOW_UP}: {@link #QUESTION}, {@link #COMPARE_FIRST} or
 *                          {@link #SHORTER}; empty for every other kind
 */
public record Turn(String sessionId, String turnId, int index, Duration arrival, boolean simultaneous,
                   TaskKind kind, List<String> paperIds, Optional<String> sectionTitle, Optional<String> query,
                   String request, List<String> referencePaperIds, String form) {

    /** A question about the previous turn's paper ("What methods did they use?"). */
    public static final String QUESTION = "question";
    /** The previous turn's paper against the session's first paper ("How do its methods differ from ..."). */
    public static final String COMPARE_FIRST = "compare-first";
    /** "Make your last answer shorter": the previous turn's papers, fewer words. */
    public static final String SHORTER = "shorter";

    /** A turn that is not an implicit follow-up. */
    public Turn(String sessionId, String turnId, int index, Duration arrival, boolean simultaneous, TaskKind kind,
                List<String> paperIds, Optional<String> sectionTitle, Optional<String> query, String request,
                List<String> referencePaperIds) {
        this(sessionId, turnId, index, arrival, simultaneous, kind, paperIds, sectionTitle, query, request,
                referencePaperIds, "");
    }

    public Turn {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sectionTitle, "sectionTitle");
        Objects.requireNonNull(query, "query");
        paperIds = List.copyOf(paperIds);
        referencePaperIds = List.copyOf(referencePaperIds);
        if (index < 0 || arrival.isNegative() || paperIds.isEmpty() || referencePaperIds.isEmpty()) {
            throw new IllegalArgumentException("invalid turn " + turnId + ": index " + index + ", arrival " + arrival
                    + ", papers " + paperIds + ", references " + referencePaperIds);
        }
        if (sectionTitle.isPresent() != (kind == TaskKind.SUMMARIZE_SECTION)) {
            throw new IllegalArgumentException(turnId + ": a section title belongs to SUMMARIZE_SECTION turns only");
        }
        Objects.requireNonNull(form, "form");
        if (form.isEmpty() == (kind == TaskKind.IMPLICIT_FOLLOW_UP)) {
            throw new IllegalArgumentException(turnId + ": a form belongs to IMPLICIT_FOLLOW_UP turns only");
        }
        if (query.isPresent() != (kind == TaskKind.SEARCH_THEN_SUMMARIZE)) {
            throw new IllegalArgumentException(turnId + ": a query belongs to SEARCH_THEN_SUMMARIZE turns only");
        }
    }

    /** {@link #arrival()} in microseconds. */
    public long arrivalMicros() {
        return arrival.toNanos() / 1_000;
    }
}
