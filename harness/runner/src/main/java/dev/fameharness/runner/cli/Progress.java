package dev.fameharness.runner.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/** A one-line progress bar on standard error: {@code [#####.....] 5/10 message}. */
final class Progress implements Consumer<String> {

    private final PrintStream err;
    private final int total;
    private int done;

    Progress(PrintStream err, int total) {
        this.err = err;
        this.total = Math.max(1, total);
    }

    @Override
    public synchronized void accept(String message) {
        done++;
        int width = 20;
        int filled = Math.min(width, done * width / total);
        err.printf(Locale.ROOT, "[%s%s] %s%n", "#".repeat(filled), ".".repeat(width - filled), message);
        err.flush();
    }
}
