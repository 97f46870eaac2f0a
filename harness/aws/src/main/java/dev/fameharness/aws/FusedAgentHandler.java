package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of the fused agent (planner, actor and evaluator in one function, on the fused workflow): {@code dev.fameharness.aws.FusedAgentHandler::handleRequest}. */
public final class FusedAgentHandler extends FameLambdaHandler {

    public FusedAgentHandler() {
        super(FunctionRole.FUSED_AGENT);
    }

    FusedAgentHandler(Map<String, String> environment) {
        super(FunctionRole.FUSED_AGENT, environment);
    }
}
