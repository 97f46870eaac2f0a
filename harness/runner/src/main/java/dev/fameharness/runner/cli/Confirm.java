package dev.fameharness.runner.cli;

import dev.fameharness.api.error.ConfigException;
import java.io.Console;
import java.util.Locale;

/** Asks before a command changes what an AWS account holds, unless {@code --yes} was given. */
final class Confirm {

    private Confirm() {
    }

    /**
     * Returns when {@code yes} is set or the user types y/yes at the terminal; otherwise throws a
     * {@link ConfigException} (exit 2) saying what would have happened and that {@code --yes} confirms it. Without a
     * terminal (scripts, CI) nothing is read: {@code --yes} is required.
     */
    static void orRefuse(boolean yes, String what) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw new ConfigException(what + ": pass --yes to confirm (no terminal to ask on)");
        }
        String answer = console.readLine("%s. Proceed? [y/N] ", what);
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).matches("y|yes")) {
            throw new ConfigException(what + ": not confirmed; nothing was changed");
        }
    }
}
