package dev.fameharness.report.results;

/**
 * LLM tokens of one role over a preset's turns: totals and means per turn (over all turns, failed included:
 * a failed turn still spent its tokens).
 */
public record TokenStats(long inputTotal, long outputTotal, double inputMean, double outputMean) {
}
