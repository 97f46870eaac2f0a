package dev.fameharness.report.results;

/** Mean ROUGE-1/2/L F1 over a set of turns (0 when the set is empty). */
public record RougeMeans(double rouge1, double rouge2, double rougeL) {

    public static final RougeMeans NONE = new RougeMeans(0, 0, 0);
}
