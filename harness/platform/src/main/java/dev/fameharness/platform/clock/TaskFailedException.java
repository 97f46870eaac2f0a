package dev.fameharness.platform.clock;

import dev.fameharness.api.error.FameException;

/** A process ended with a checked exception; its cause is that exception. */
public class TaskFailedException extends FameException {

    public TaskFailedException(String process, Throwable cause) {
        super("process " + process + " failed: " + cause, cause);
    }
}
