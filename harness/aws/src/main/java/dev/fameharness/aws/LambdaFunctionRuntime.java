package dev.fameharness.aws;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.InvocationType;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Functions that already run on AWS Lambda, invoked through the Lambda Invoke API: what the actor's MCP client
 * calls when the tool server is its own deployed function. Names map to function names or ARNs; functions are
 * deployed by CloudFormation, never by this class. A function error ({@code X-Amz-Function-Error}) becomes a
 * {@link FunctionErrorException} with the errorType Lambda reported, as the emulator raises it.
 */
public final class LambdaFunctionRuntime implements FunctionRuntime, AutoCloseable {

    private final LambdaClient client;
    private final Map<String, String> functions;
    private final Map<String, FunctionSpec> specs;

    /**
     * @param functions the harness's function name (e.g. {@code paper-tools}) to the Lambda function name or ARN
     * @param specs     what each function was deployed with (the template's memory and timeout)
     */
    public LambdaFunctionRuntime(LambdaClient client, Map<String, String> functions, Map<String, FunctionSpec> specs) {
        this.client = Objects.requireNonNull(client, "client");
        this.functions = Map.copyOf(functions);
        this.specs = Map.copyOf(specs);
    }

    @Override
    public void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
        throw new UnsupportedOperationException("function " + spec.name() + " is deployed by the CloudFormation "
                + "stack (fame deploy), not at run time");
    }

    @Override
    public byte[] invoke(String function, byte[] payload, InvocationType type) {
        String target = functions.get(function);
        if (target == null) {
            throw new IllegalArgumentException("function '" + function + "' is not deployed; deployed: " + functions.keySet());
        }
        InvokeResponse r;
        try {
            r = client.invoke(b -> b.functionName(target).payload(SdkBytes.fromByteArray(payload))
                    .invocationType(type == InvocationType.EVENT ? software.amazon.awssdk.services.lambda.model.InvocationType.EVENT
                            : software.amazon.awssdk.services.lambda.model.InvocationType.REQUEST_RESPONSE));
        } catch (TooManyRequestsException e) {
            throw new RetriableException("TooManyRequestsException", "Invoke of " + target + " was throttled: "
                    + e.getMessage(), e);
        }
        byte[] body = r.payload() == null ? new byte[0] : r.payload().asByteArray();
        if (r.functionError() != null) {
            String errorType = errorType(body);
            throw new FunctionErrorException(function, errorType, "function " + target + " failed ("
                    + r.functionError() + "): " + new String(body, java.nio.charset.StandardCharsets.UTF_8), false, null);
        }
        return body;
    }

    /** The {@code errorType} of Lambda's error document ({"errorMessage":..., "errorType":...}). */
    static String errorType(byte[] body) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            return node.path("errorType").asText("Lambda.Unknown");
        } catch (java.io.IOException e) {
            return "Lambda.Unknown";
        }
    }

    @Override
    public FunctionSpec spec(String function) {
        FunctionSpec spec = specs.get(function);
        if (spec == null) {
            throw new IllegalArgumentException("no spec for function '" + function + "'; known: " + specs.keySet());
        }
        return spec;
    }

    @Override
    public void close() {
        client.close();
    }
}
