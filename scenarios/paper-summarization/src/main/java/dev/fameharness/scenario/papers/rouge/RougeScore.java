package dev.fameharness.scenario.papers.rouge;

/**
 * One ROUGE measure of a prediction against a target: precision (matches / prediction size), recall
 * (matches / target size) and their harmonic mean F1 (0 when both are 0), each in [0, 1].
 */
public record RougeScore(double precision, double recall, double f1) {

    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    public RougeScore {
        check("precision", precision);
        check("recall", recall);
        check("f1", f1);
    }

    /** The score for {@code matches} common units out of {@code predictionSize} and {@code targetSize}. */
    static RougeScore of(long matches, long predictionSize, long targetSize) {
        double precision = matches / (double) Math.max(predictionSize, 1);
        double recall = matches / (double) Math.max(targetSize, 1);
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new RougeScore(precision, recall, f1);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
