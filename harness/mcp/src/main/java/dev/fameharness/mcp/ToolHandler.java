package dev.fameharness.mcp;

import java.util.Map;

/**
 * A tool's code: arguments (already validated against the tool's input schema, as the SDK parsed them from
 * JSON: strings, {@code Integer}/{@code Long}/{@code Double}, booleans, lists, maps) in, text content out.
 *
 * <p>Throw {@link ToolArgumentException} for an unacceptable argument (reported to the model as a tool error
 * naming it). A {@link dev.fameharness.api.error.FameException} (a store limit, throttling) is a platform
 * failure and fails the function invocation; any other exception is reported as a tool error.
 */
@FunctionalInterface
public interface ToolHandler {

    String call(Map<String, Object> arguments);
}
