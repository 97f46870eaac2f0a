package dev.fameharness.faults;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.faas.InvocationType;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Injects function faults into any {@link FunctionRuntime} (normally the {@code FaasEmulator}):
 *
 * <ul>
 *   <li>{@link FaultKind#FUNCTION_CRASH}, one decision per synchronous invocation: throws
 *       {@link FunctionErrorException} before the delegate is called, so the handler never runs and nothing is
 *       billed. Its {@code errorType} and retriability follow {@link FaultPlan#functionCrashAs()}:
 *       {@code Lambda.ServiceException}, retriable (the Invoke API failed with a 500; Step Functions and the AWS
 *       SDK retry it) or {@code Lambda.Unknown}, not retriable (the function crashed with an unhandled error; Step
 *       Functions reports every unhandled Lambda error, out-of-memory and timeouts included, as
 *       {@code Lambda.Unknown}, and the harness's workflows do not retry it).</li>
 *   <li>{@link FaultKind#FUNCTION_TIMEOUT}, one decision per synchronous invocation: the function hangs at
 *       entry, so the delegate is not called; the function's whole configured timeout passes on the clock, an
 *       {@link Event.Invocation} billed for exactly the timeout (outcome {@code timeout}, as AWS bills a timed-out
 *       invocation) is emitted, and {@link FunctionTimeoutException} is thrown, which the workflow interpreter
 *       reports as {@code Lambda.Unknown} like a real timeout.</li>
 *   <li>{@link FaultKind#COLD_START_FAILURE}, one decision per cold start: the initializer of every function
 *       deployed <em>through this runtime</em> is wrapped so that INIT throws. Cold versus warm is therefore
 *       decided by the emulator itself, not approximated: only invocations that really start a new execution
 *       environment can be hit, the emulator bills and meters the failed INIT, discards the instance, and the
 *       next invocation cold-starts again. The caller gets {@link FunctionErrorException} with {@code errorType}
 *       {@code Lambda.Unknown} (an unhandled error, not retriable). Functions deployed on the delegate directly
 *       are never hit.</li>
 * </ul>
 *
 * Asynchronous (EVENT) invocations are only subject to cold-start failures (inside the emulator's own process for
 * the event); their caller sees no error on AWS either.
 */
public final class FaultyFunctionRuntime implements FunctionRuntime {

    /** The Step Functions error name of an unhandled Lambda error (and of a failed INIT). */
    public static final String UNHANDLED_ERROR = "Lambda.Unknown";

    private final FunctionRuntime delegate;
    private final FaultInjector faults;

    public FaultyFunctionRuntime(FunctionRuntime delegate, FaultInjector faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    public FunctionRuntime delegate() {
        return delegate;
    }

    @Override
    public void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(initializer, "initializer");
        String function = spec.name();
        delegate.deploy(spec, () -> {
            if (faults.inject(FaultKind.COLD_START_FAILURE, function)) {
                throw new InjectedInitFailure(function);
            }
            return initializer.get();
        });
    }

    @Override
    public byte[] invoke(String function, byte[] payload, InvocationType type) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(type, "type");
        if (type == InvocationType.REQUEST_RESPONSE) {
            if (faults.inject(FaultKind.FUNCTION_CRASH, function)) {
                throw crash(function);
            }
            if (faults.inject(FaultKind.FUNCTION_TIMEOUT, function)) {
                throw timeout(function, payload.length);
            }
        }
        try {
            return delegate.invoke(function, payload, type);
        } catch (FunctionErrorException e) {
            if (function.equals(e.function()) && e.getCause() instanceof InjectedInitFailure) {
                throw new FunctionErrorException(function, UNHANDLED_ERROR, "INIT failed in function " + function
                        + ": the execution environment could not initialise (injected cold-start failure)", false, e);
            }
            throw e;
        }
    }

    @Override
    public FunctionSpec spec(String function) {
        return delegate.spec(function);
    }

    private FunctionErrorException crash(String function) {
        CrashMode mode = faults.plan().functionCrashAs();
        String message = switch (mode) {
            case SERVICE -> "Lambda service error invoking function " + function
                    + ": ServiceException (HTTP 500, injected fault); the handler did not run";
            case UNHANDLED -> "Unhandled error in function " + function
                    + ": Runtime.ExitError (the runtime exited, injected fault)";
        };
        return new FunctionErrorException(function, mode.errorType(), message, mode.retriable(), null);
    }

    private FunctionTimeoutException timeout(String function, long requestBytes) {
        FunctionSpec spec = delegate.spec(function);
        Clock clock = faults.clock();
        long atMicros = micros(clock.now());
        clock.sleep(spec.timeout(), dev.fameharness.api.time.LatencyPart.RETRY);
        long timeoutMicros = micros(spec.timeout());
        long billedMillis = Math.max(1, (timeoutMicros + 999) / 1000);
        faults.events().emit(new Event.Invocation(atMicros, Scope.current().withRole(function), function,
                spec.memoryMb(), false, 0, timeoutMicros, billedMillis,
                billedMillis / 1000.0 * (spec.memoryMb() / 1024.0), requestBytes, 0, "timeout"));
        return new FunctionTimeoutException(function, spec.timeout(), String.format(Locale.ROOT,
                "Task timed out after %.2f seconds (function %s, injected fault)",
                spec.timeout().toMillis() / 1000.0, function));
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    @Override
    public String toString() {
        return "Faulty" + delegate;
    }

    /** Thrown by a wrapped initializer; the emulator turns it into a failed INIT. */
    static final class InjectedInitFailure extends FameException {
        InjectedInitFailure(String function) {
            super("INIT of function " + function + " failed (injected cold-start failure)");
        }
    }
}
