package dev.fameharness.api.workflow;

/**
 * Runs Amazon States Language definitions. Task states whose {@code Resource} names a function
 * ({@code arn:aws:lambda:<region>:<account>:function:<name>} or just {@code <name>}) invoke it on the
 * {@link dev.fameharness.api.faas.FunctionRuntime}.
 */
public interface WorkflowEngine {

    /** Runs one execution to its end. Never throws for a failed execution: the result says how it ended. */
    WorkflowResult execute(String name, String definitionJson, String inputJson);
}
