package dev.fameharness.scenario.logs.sessions;

/**
 * A turn's ground truth: the question as asked, the question it stands for (an implicit follow-up resolved
 * against the turn it refers to) and the exact answer computed from the structured CSV at generation time.
 */
public record LogTruth(LogQuestion asked, LogQuestion resolved, LogAnswer expected) {
}
