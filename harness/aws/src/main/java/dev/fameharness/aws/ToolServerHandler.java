package dev.fameharness.aws;

import java.util.Map;

/** Lambda handler of the scenario MCP tool server (one JSON-RPC message per invocation): {@code dev.fameharness.aws.ToolServerHandler::handleRequest}. */
public final class ToolServerHandler extends FameLambdaHandler {

    public ToolServerHandler() {
        super(FunctionRole.TOOL_SERVER);
    }

    ToolServerHandler(Map<String, String> environment) {
        super(FunctionRole.TOOL_SERVER, environment);
    }
}
