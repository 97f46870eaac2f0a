package dev.fameharness.mcp;

import java.util.Objects;

/**
 * Thrown by a {@link ToolHandler} when an argument is present and well-typed but unacceptable (an unknown
 * paper id, a section index out of range). The server turns it into a tool result with {@code isError = true}
 * whose text names the argument, so the model can correct itself; it never becomes a function error.
 */
public class ToolArgumentException extends IllegalArgumentException {

    private final String argumentName;

    public ToolArgumentException(String argumentName, String message) {
        super(message);
        this.argumentName = Objects.requireNonNull(argumentName, "argumentName");
    }

    /** The name of the offending argument, as in the tool's input schema. */
    public String argumentName() {
        return argumentName;
    }
}
