package dev.fameharness.mcp;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.InvocationType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test fixture: a FunctionRuntime that calls the handler directly on the invoking thread, enforces the
 * synchronous payload limit (6 MB) on request and response, wraps handler failures as a FaaS platform
 * would, and records every payload.
 */
final class DirectFunctionRuntime implements FunctionRuntime {

    static final int SYNC_LIMIT_BYTES = 6 * 1024 * 1024;

    record Call(String function, byte[] request, byte[] response, Thread thread) {
        String requestText() {
            return new String(request, StandardCharsets.UTF_8);
        }

        String responseText() {
            return new String(response, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, FunctionSpec> specs = new HashMap<>();
    private final Map<String, Supplier<FunctionHandler>> initializers = new HashMap<>();
    private final Map<String, FunctionHandler> warm = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
        specs.put(spec.name(), spec);
        initializers.put(spec.name(), initializer);
        warm.remove(spec.name());
    }

    @Override
    public byte[] invoke(String function, byte[] payload, InvocationType type) {
        FunctionHandler handler;
        synchronized (this) {
            Supplier<FunctionHandler> init = initializers.get(function);
            if (init == null) {
                throw new FunctionErrorException(function, "ResourceNotFoundException",
                        "function not found: " + function, false, null);
            }
            handler = warm.computeIfAbsent(function, f -> init.get());
        }
        checkLimit(function, "request", payload.length);
        byte[] response;
        try {
            response = handler.handle(payload);
        } catch (RetriableException e) {
            throw new FunctionErrorException(function, e.getClass().getSimpleName(), e.getMessage(), true, e);
        } catch (Exception e) {
            throw new FunctionErrorException(function, e.getClass().getSimpleName(), e.getMessage(), false, e);
        }
        checkLimit(function, "response", response.length);
        synchronized (this) {
            calls.add(new Call(function, payload, response, Thread.currentThread()));
        }
        return response;
    }

    private static void checkLimit(String function, String what, int size) {
        if (size > SYNC_LIMIT_BYTES) {
            throw new LimitExceededException("lambda.sync_payload", SYNC_LIMIT_BYTES, size,
                    "invocation " + what + " of " + function + " is " + size + " bytes, over the 6 MB limit");
        }
    }

    @Override
    public synchronized FunctionSpec spec(String function) {
        return specs.get(function);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls whose request has the given JSON-RPC method. */
    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.requestText().contains("\"method\":\"" + method + "\"")).toList();
    }
}
