package dev.fameharness.scenario.logs.corpus;

import dev.fameharness.api.error.ConfigException;
import java.nio.file.Path;

/**
 * The log corpus cannot be used: folder or manifest missing, a listed file absent, a checksum mismatch, a
 * malformed manifest, format string or ground-truth file. The message names the path and says what to do.
 */
public class LogCorpusException extends ConfigException {

    private final Path path;

    public LogCorpusException(Path path, String message) {
        super(message);
        this.path = path;
    }

    public LogCorpusException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The folder or file the problem is about. */
    public Path path() {
        return path;
    }
}
