package dev.fameharness.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.InvocationType;
import dev.fameharness.api.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A FunctionRuntime for tests: calls handlers directly (no cold starts, no limits) and records every
 * invocation with its clock time. Handlers may throw the api's exceptions to simulate platform errors; any
 * other exception becomes a FunctionErrorException with the exception's simple class name as errorType.
 */
final class FixtureFunctionRuntime implements FunctionRuntime {

    /** A JSON handler. */
    interface JsonHandler {
        JsonNode handle(JsonNode input) throws Exception;
    }

    record Call(String function, Duration at, String payload) {
    }

    private final Clock clock;
    private final Map<String, FunctionHandler> handlers = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    FixtureFunctionRuntime(Clock clock) {
        this.clock = clock;
    }

    FixtureFunctionRuntime json(String name, JsonHandler handler) {
        handlers.put(name, payload -> {
            JsonNode in = JsonData.MAPPER.readTree(payload);
            return JsonData.MAPPER.writeValueAsBytes(handler.handle(in));
        });
        return this;
    }

    FixtureFunctionRuntime raw(String name, FunctionHandler handler) {
        handlers.put(name, handler);
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
    }

    @Override
    public void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
        handlers.put(spec.name(), initializer.get());
    }

    @Override
    public byte[] invoke(String function, byte[] payload, InvocationType type) {
        FunctionHandler h = handlers.get(function);
        if (h == null) {
            throw new IllegalArgumentException("no function " + function);
        }
        synchronized (this) {
            calls.add(new Call(function, clock.now(), new String(payload, StandardCharsets.UTF_8)));
        }
        try {
            return h.handle(payload);
        } catch (RuntimeException e) {
            if (e.getClass().getPackageName().startsWith("dev.fameharness.api")) {
                throw e;
            }
            throw new FunctionErrorException(function, e.getClass().getSimpleName(), e.getMessage(), false, e);
        } catch (Exception e) {
            throw new FunctionErrorException(function, e.getClass().getSimpleName(), e.getMessage(), false, e);
        }
    }

    @Override
    public FunctionSpec spec(String function) {
        return new FunctionSpec(function, 1024, Duration.ofSeconds(60), "java21");
    }
}
