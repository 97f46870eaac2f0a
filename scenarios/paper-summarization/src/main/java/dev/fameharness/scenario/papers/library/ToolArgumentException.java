package dev.fameharness.scenario.papers.library;

import dev.fameharness.api.error.ConfigException;

/**
 * A paper tool was called with an invalid argument. The message names the argument, the bad value and what is
 * accepted, so an MCP wrapper can return it as the tool result with {@code isError = true}.
 */
public class ToolArgumentException extends ConfigException {

    private final String argument;

    public ToolArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The name of the offending argument, as in the tool's input schema. */
    public String argument() {
        return argument;
    }
}
