package dev.fameharness.api.faas;

import java.util.function.Supplier;

/**
 * A FaaS platform: deploy functions, invoke them. The emulator in {@code harness/platform} models cold
 * starts, warm reuse, keep-alive eviction, the account concurrency limit, the payload limits and the
 * timeout, and meters every invocation.
 */
public interface FunctionRuntime {

    /**
     * Deploys (or replaces) a function. {@code initializer} runs once per cold instance (the INIT phase)
     * and returns the handler that instance serves.
     */
    void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer);

    /**
     * Invokes a deployed function with a serialised payload and returns its serialised response.
     *
     * @throws dev.fameharness.api.error.LimitExceededException request or response over the payload limit
     * @throws FunctionTimeoutException the handler ran past the timeout
     * @throws FunctionErrorException the handler threw
     * @throws dev.fameharness.api.error.RetriableException throttled by the concurrency limit
     *         (code {@code TooManyRequestsException})
     */
    byte[] invoke(String function, byte[] payload, InvocationType type);

    default byte[] invoke(String function, byte[] payload) {
        return invoke(function, payload, InvocationType.REQUEST_RESPONSE);
    }

    /** The spec a function was deployed with. */
    FunctionSpec spec(String function);
}
