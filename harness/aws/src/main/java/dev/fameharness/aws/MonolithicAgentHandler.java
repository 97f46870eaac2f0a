package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of the monolithic agent (the whole loop, invoked directly): {@code dev.fameharness.aws.MonolithicAgentHandler::handleRequest}. */
public final class MonolithicAgentHandler extends FameLambdaHandler {

    public MonolithicAgentHandler() {
        super(FunctionRole.MONOLITHIC_AGENT);
    }

    MonolithicAgentHandler(Map<String, String> environment) {
        super(FunctionRole.MONOLITHIC_AGENT, environment);
    }
}
