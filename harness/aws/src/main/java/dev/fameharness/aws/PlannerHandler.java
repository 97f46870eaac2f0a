package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of planner: {@code dev.fameharness.aws.PlannerHandler::handleRequest}. */
public final class PlannerHandler extends FameLambdaHandler {

    public PlannerHandler() {
        super(FunctionRole.PLANNER);
    }

    PlannerHandler(Map<String, String> environment) {
        super(FunctionRole.PLANNER, environment);
    }
}
