package dev.fameharness.scenario.papers.rouge;

import java.util.Objects;

/** ROUGE-1, ROUGE-2 and sentence-level ROUGE-L of one prediction, with or without stemming. */
public record RougeScores(RougeScore rouge1, RougeScore rouge2, RougeScore rougeL, boolean stemmed) {

    public RougeScores {
        Objects.requireNonNull(rouge1, "rouge1");
        Objects.requireNonNull(rouge2, "rouge2");
        Objects.requireNonNull(rougeL, "rougeL");
    }
}
