package dev.fameharness.report.results;

/** The result files of a run, each with its file name in the run's results folder. */
public enum ResultFormatType {
    /** One row per turn: {@code turns.csv}. */
    CSV("turns.csv"),
    /** The run summary with comparisons: {@code summary.json}. */
    JSON("summary.json"),
    /** One row per preset, plus comparisons: {@code summary.md}. */
    MARKDOWN("summary.md");

    private final String fileName;

    ResultFormatType(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
