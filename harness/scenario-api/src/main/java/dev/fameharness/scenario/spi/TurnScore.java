package dev.fameharness.scenario.spi;

/**
 * The score of one answer.
 *
 * @param correct {@link #CORRECT}, {@link #WRONG} or {@link #NOT_SCORED} (the scenario does not judge
 *                correctness); the same values as the report's {@code TurnRecord.correct}
 * @param rouge1  ROUGE-1 F1 against the reference; 0 for scenarios without ROUGE
 * @param rouge2  ROUGE-2 F1; 0 for scenarios without ROUGE
 * @param rougeL  ROUGE-L F1; 0 for scenarios without ROUGE
 */
public record TurnScore(int correct, double rouge1, double rouge2, double rougeL) {

    public static final int CORRECT = 1;
    public static final int WRONG = 0;
    public static final int NOT_SCORED = -1;
    /** No verdict and no ROUGE. */
    public static final TurnScore NONE = new TurnScore(NOT_SCORED, 0, 0, 0);

    public TurnScore {
        if (correct < NOT_SCORED || correct > CORRECT) {
            throw new IllegalArgumentException("correct must be 1, 0 or -1, was " + correct);
        }
    }

    /** An exact verdict without ROUGE. */
    public static TurnScore exact(boolean right) {
        return new TurnScore(right ? CORRECT : WRONG, 0, 0, 0);
    }
}
