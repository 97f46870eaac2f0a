package dev.fameharness.aws;

import java.util.List;

/**
 * The functions a deployed preset consists of, each one Lambda function with its own handler class. The names
 * are the ones the emulator deploys and the ASL definitions name in their ARNs ({@code function:planner}, ...).
 */
public enum FunctionRole {
    PLANNER("planner", List.of("separate")),
    ACTOR("actor", List.of("separate")),
    EVALUATOR("evaluator", List.of("separate")),
    /** Planner, actor and evaluator in one function, on the fused workflow. */
    FUSED_AGENT("agent", List.of("fused")),
    /** The whole loop in one function, invoked directly (no workflow). */
    MONOLITHIC_AGENT("agent", List.of("monolithic")),
    /** An MCP tool server: one JSON-RPC message in, its response out. */
    TOOL_SERVER("tools", List.of("separate", "fused", "monolithic"));

    private final String function;
    private final List<String> topologies;

    FunctionRole(String function, List<String> topologies) {
        this.function = function;
        this.topologies = topologies;
    }

    /** The function's name inside the architecture (the emulator's, and the last part of its ARN). */
    public String function() {
        return function;
    }

    /** Whether a preset with this topology has this function. */
    public boolean in(String topology) {
        return topologies.contains(topology);
    }

    /** The roles a preset with {@code topology} deploys as functions. */
    public static List<FunctionRole> of(String topology) {
        return java.util.Arrays.stream(values()).filter(r -> r.in(topology)).toList();
    }
}
