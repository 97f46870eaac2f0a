package dev.fameharness.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The Lambda entry point of one function role ({@link RequestStreamHandler}: the payload's bytes in, the
 * response's bytes out, no re-serialisation, so what Step Functions sends is exactly what the emulator's
 * handler receives). The instance is built on the first invocation of a Lambda instance and reused while it
 * stays warm. After each invocation the metering events it recorded are written to the function's log as
 * {@code FAME_EVENT <json>} lines. A failure is rethrown: Lambda reports it as a function error.
 */
public abstract class FameLambdaHandler implements RequestStreamHandler {

    /** Prefix of the event lines in the function's log. */
    public static final String EVENT_LINE = "FAME_EVENT ";

    private final FunctionRole role;
    private final Map<String, String> environment;
    private LambdaWiring wiring;

    protected FameLambdaHandler(FunctionRole role) {
        this(role, System.getenv());
    }

    /** For tests: the environment the function would have. */
    protected FameLambdaHandler(FunctionRole role, Map<String, String> environment) {
        this.role = Objects.requireNonNull(role, "role");
        this.environment = Map.copyOf(environment);
    }

    private synchronized LambdaWiring wiring() {
        if (wiring == null) {
            wiring = LambdaWiring.create(LambdaSettings.fromEnvironment(environment, PresetCatalog.discover()), role);
        }
        return wiring;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaWiring w = wiring();
        byte[] response;
        try {
            response = w.handle(input.readAllBytes());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            w.drainEvents(line -> {
                if (context != null && context.getLogger() != null) {
                    context.getLogger().log(EVENT_LINE + line + "\n");
                }
            });
        }
        output.write(response);
    }
}
