package dev.fameharness.scenario.papers.corpus;

import dev.fameharness.api.error.ConfigException;

import java.nio.file.Path;

/**
 * The paper corpus cannot be used: folder or manifest missing, a listed file absent, a checksum mismatch or
 * malformed XML. The message names the path and says what to do; {@link #path()} is the offending path.
 */
public class CorpusException extends ConfigException {

    private final Path path;

    public CorpusException(Path path, String message) {
        super(message);
        this.path = path;
    }

    public CorpusException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The folder or file the problem is about. */
    public Path path() {
        return path;
    }
}
