package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of actor: {@code dev.fameharness.aws.ActorHandler::handleRequest}. */
public final class ActorHandler extends FameLambdaHandler {

    public ActorHandler() {
        super(FunctionRole.ACTOR);
    }

    ActorHandler(Map<String, String> environment) {
        super(FunctionRole.ACTOR, environment);
    }
}
