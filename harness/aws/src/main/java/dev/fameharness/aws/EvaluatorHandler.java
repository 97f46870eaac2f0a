package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of evaluator: {@code dev.fameharness.aws.EvaluatorHandler::handleRequest}. */
public final class EvaluatorHandler extends FameLambdaHandler {

    public EvaluatorHandler() {
        super(FunctionRole.EVALUATOR);
    }

    EvaluatorHandler(Map<String, String> environment) {
        super(FunctionRole.EVALUATOR, environment);
    }
}
