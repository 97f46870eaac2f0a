package dev.fameharness.llm;

import dev.fameharness.api.error.FameException;
import java.nio.file.Path;

/** A replayed run asked a question that was never recorded. Not retriable: record it first. */
public class ReplayMissException extends FameException {

    private final String key;
    private final Path dir;

    public ReplayMissException(String key, Path dir) {
        super("no recording for request " + key + " in " + dir + "; record it first with --model openai --record " + dir);
        this.key = key;
        this.dir = dir;
    }

    /** The request's SHA-256 key. */
    public String key() {
        return key;
    }

    public Path dir() {
        return dir;
    }
}
