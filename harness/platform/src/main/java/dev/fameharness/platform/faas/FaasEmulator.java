package dev.fameharness.platform.faas;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionHandler;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.faas.InvocationType;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.api.time.Scope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A local FaaS platform with AWS Lambda's semantics, in either clock mode.
 *
 * <p><b>Instances.</b> An invocation takes an idle warm instance of its function if there is one — the
 * <em>most recently used</em> one, so that rarely needed extra instances age out (AWS does not document its
 * choice; MRU is our assumption). Otherwise it cold-starts a new instance if the account's concurrent
 * executions (busy instances of all functions) are below {@link FaasConfig#accountConcurrency()}, else it
 * is throttled with a {@link RetriableException} of code {@value #THROTTLE_CODE}. A cold start runs the
 * deployed initializer for real and then lets {@code lambda.init.<runtime>} pass (quantity = memory MB);
 * modeled delays the initializer itself sleeps add to that. Every invocation, cold or warm, pays the
 * routing overhead {@code lambda.invoke.warm} before the handler runs; it is not billed. After the handler, its own
 * CPU work {@code lambda.compute.<runtime>} (when the profile has it) passes at the function's vCPU share
 * ({@link #compute}) and is billed. An instance idle
 * for {@link FaasConfig#keepAlive()} or longer is evicted, lazily (checked on every invocation against
 * clock time, so deterministic in virtual mode). Redeploying a function drops its instances.
 *
 * <p><b>Limits.</b> Requests and responses are checked at the exact byte boundary (a payload of exactly the
 * limit is accepted): REQUEST_RESPONSE against {@code lambda.sync_payload} (request and response limits
 * differ on AWS: 6,291,456 and 6,291,556 bytes), EVENT requests against {@code lambda.async_payload}
 * (1,048,576 bytes). Failures are {@link LimitExceededException}s with those limit names. An oversized
 * response is discovered after the handler ran, so it is billed.
 *
 * <p><b>Timeout.</b> If the handler's elapsed clock time exceeds the function's timeout, the response is
 * discarded, the invocation is billed for exactly the timeout, the instance is discarded (AWS resets the
 * execution environment after a timeout) and the caller gets {@link FunctionTimeoutException}. The handler
 * runs on the caller's process and cannot be preempted, so the caller sees the failure when the handler
 * returns, which may be later in clock time than on AWS.
 *
 * <p><b>Errors.</b> A handler (or initializer) exception becomes {@link FunctionErrorException} with
 * {@code errorType} = the exception's simple class name (what the Python runtime reports and what an ASL
 * {@code ErrorEquals} written for this harness matches; the real Java runtime reports the fully qualified
 * name) and {@code retriable} = the cause's {@link FameException#isRetriable()}. The instance stays warm
 * after a handler error; an instance whose initializer failed is discarded.
 *
 * <p><b>Asynchronous (EVENT) invocations</b> are checked against the async request limit at once, then run
 * in a process of their own ({@link Clock#spawn}); the caller gets an empty response immediately, as AWS
 * answers 202 with no body. Their outcome is only metered: AWS's two retries and its dead-letter
 * destinations are not modeled.
 *
 * <p><b>Metering.</b> Every invocation, including rejected ones, emits one {@link Event.Invocation} at the
 * clock time it was requested, tagged with the caller's {@link Scope} tags with the role replaced by the
 * function's name. While the initializer and handler run, the same tags are the current scope (so their
 * store and LLM events are attributed to the function; handler code may narrow the role further) and
 * {@link InvocationContext#current()} describes the invocation. Billed duration = INIT (when
 * {@link FaasConfig#billInitPhase()}, as AWS bills on-demand managed runtimes since 2025-08-01) + handler
 * duration, rounded up to the next millisecond, at least 1 ms; GB-s = billed seconds × memory MB / 1024.
 * Outcomes: {@code ok}, {@code error}, {@code timeout}, {@code throttled}, {@code payload_limit}.
 *
 * <p><b>Threads.</b> In virtual mode the initializer and handler run on the invoking process's thread, so
 * modeled sleeps inside them advance that process. In wall mode invocations from several threads run
 * concurrently; the instance pool is synchronised.
 */
public final class FaasEmulator implements FunctionRuntime {

    /** The error code of a throttled invocation, as AWS names it. */
    public static final String THROTTLE_CODE = "TooManyRequestsException";
    public static final String SYNC_LIMIT = "lambda.sync_payload";
    public static final String ASYNC_LIMIT = "lambda.async_payload";
    public static final String WARM_OVERHEAD_ID = "lambda.invoke.warm";
    public static final String INIT_ID_PREFIX = "lambda.init.";
    /**
     * Prefix of the profile entry for a handler's own CPU work at one full vCPU, by runtime
     * ({@code lambda.compute.<runtime>}, quantity = request + response bytes); a runtime without one has none.
     */
    public static final String COMPUTE_ID_PREFIX = "lambda.compute.";

    private final Clock clock;
    private final LatencyModel latency;
    private final EventSink events;
    private final FaasConfig config;

    private final Object lock = new Object();
    private final Map<String, Deployment> deployments = new TreeMap<>();
    private int busy;

    public FaasEmulator(Clock clock, LatencyModel latency, EventSink events, FaasConfig config) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.events = Objects.requireNonNull(events, "events");
        this.config = Objects.requireNonNull(config, "config");
    }

    public FaasConfig config() {
        return config;
    }

    @Override
    public void deploy(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(initializer, "initializer");
        String initId = INIT_ID_PREFIX + spec.runtime();
        if (!latency.has(initId)) {
            throw new ConfigException("function " + spec.name() + " has runtime '" + spec.runtime()
                    + "' but the latency model has no cold-start entry '" + initId + "'");
        }
        if (!latency.has(WARM_OVERHEAD_ID)) {
            throw new ConfigException("the latency model has no entry '" + WARM_OVERHEAD_ID + "'");
        }
        synchronized (lock) {
            deployments.put(spec.name(), new Deployment(spec, initializer));
        }
    }

    @Override
    public FunctionSpec spec(String function) {
        synchronized (lock) {
            return deploymentLocked(function).spec;
        }
    }

    @Override
    public byte[] invoke(String function, byte[] payload, InvocationType type) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(type, "type");
        Deployment d;
        synchronized (lock) {
            d = deploymentLocked(function);
        }
        Tags tags = Scope.current().withRole(function);
        long atMicros = micros(clock.now());
        if (type == InvocationType.EVENT) {
            if (payload.length > config.asyncRequestBytes()) {
                emit(atMicros, tags, d.spec, false, 0, 0, 0, payload.length, 0, "payload_limit");
                throw new LimitExceededException(ASYNC_LIMIT, config.asyncRequestBytes(), payload.length,
                        payload.length + " byte payload is too large for the Event invocation type (limit "
                                + config.asyncRequestBytes() + " bytes), function " + function);
            }
            byte[] copy = payload.clone();
            clock.spawn("lambda-event-" + function, () -> {
                try {
                    execute(d, copy, type, tags);
                } catch (FameException e) {
                    // Metered by execute; AWS would retry twice, then use the DLQ/destination (not modeled).
                }
                return null;
            });
            return new byte[0];
        }
        if (payload.length > config.syncRequestBytes()) {
            emit(atMicros, tags, d.spec, false, 0, 0, 0, payload.length, 0, "payload_limit");
            throw new LimitExceededException(SYNC_LIMIT, config.syncRequestBytes(), payload.length,
                    "Request must be smaller than " + config.syncRequestBytes() + " bytes for the InvokeFunction "
                            + "operation: request of " + payload.length + " bytes to function " + function);
        }
        return execute(d, payload, type, tags);
    }

    /** Idle warm instances of {@code function} now (after evicting expired ones). */
    public int idleInstances(String function) {
        synchronized (lock) {
            evictExpiredLocked(clock.now());
            return deploymentLocked(function).idle.size();
        }
    }

    /** Busy instances of all functions now (the account's concurrent executions). */
    public int concurrentExecutions() {
        synchronized (lock) {
            return busy;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private byte[] execute(Deployment d, byte[] payload, InvocationType type, Tags tags) {
        FunctionSpec spec = d.spec;
        Duration start = clock.now();
        long atMicros = micros(start);
        Instance instance;
        boolean cold;
        int busyNow;
        synchronized (lock) {
            evictExpiredLocked(start);
            instance = d.idle.pollFirst();
            cold = instance == null;
            if (cold && busy < config.accountConcurrency()) {
                instance = new Instance();
            }
            if (instance != null) {
                busy++;
            }
            busyNow = busy;
        }
        if (instance == null) {
            emit(atMicros, tags, spec, false, 0, 0, 0, payload.length, 0, "throttled");
            throw new RetriableException(THROTTLE_CODE, "Rate Exceeded: function " + spec.name() + " throttled, "
                    + busyNow + " of " + config.accountConcurrency() + " account concurrent executions busy");
        }
        boolean keep = true;
        try (Scope scope = Scope.with(tags)) {
            clock.sleep(latency.sample(WARM_OVERHEAD_ID, payload.length, spec.name()), LatencyPart.ORCHESTRATION);
            long initMicros = 0;
            if (cold) {
                Duration initStart = clock.now();
                try (InvocationContext.Installed ctx = InvocationContext.install(
                        context(spec, true, initStart.plus(spec.timeout())))) {
                    instance.handler = Objects.requireNonNull(d.initializer.get(),
                            "initializer of " + spec.name() + " returned null");
                } catch (RuntimeException e) {
                    keep = false;
                    clock.sleep(latency.sample(INIT_ID_PREFIX + spec.runtime(), spec.memoryMb(), spec.name()),
                            LatencyPart.COLD_START);
                    long init = micros(clock.now().minus(initStart));
                    emit(atMicros, tags, spec, true, init, 0, billedMillis(init, 0), payload.length, 0, "error");
                    throw functionError(spec, "INIT failed", e);
                }
                clock.sleep(latency.sample(INIT_ID_PREFIX + spec.runtime(), spec.memoryMb(), spec.name()),
                        LatencyPart.COLD_START);
                initMicros = micros(clock.now().minus(initStart));
            }

            Duration handlerStart = clock.now();
            byte[] response = null;
            Exception failure = null;
            InvocationContext context = context(spec, cold, handlerStart.plus(spec.timeout()));
            try (InvocationContext.Installed ctx = InvocationContext.install(context)) {
                response = instance.handler.handle(payload);
            } catch (Exception e) {
                failure = e;
            }
            compute(spec, context, payload.length + (response == null ? 0 : response.length));
            long durationMicros = micros(clock.now().minus(handlerStart));

            if (durationMicros > micros(spec.timeout())) {
                keep = false;
                long timeoutMicros = micros(spec.timeout());
                emit(atMicros, tags, spec, cold, initMicros, timeoutMicros, billedMillis(initMicros, timeoutMicros),
                        payload.length, 0, "timeout");
                throw new FunctionTimeoutException(spec.name(), spec.timeout(), String.format(Locale.ROOT,
                        "Task timed out after %.2f seconds (function %s ran %.3f ms)",
                        spec.timeout().toMillis() / 1000.0, spec.name(), durationMicros / 1000.0));
            }
            long billed = billedMillis(initMicros, durationMicros);
            if (failure != null) {
                emit(atMicros, tags, spec, cold, initMicros, durationMicros, billed, payload.length, 0, "error");
                throw functionError(spec, "Unhandled", failure);
            }
            byte[] out = response == null ? new byte[0] : response;
            if (type == InvocationType.REQUEST_RESPONSE && out.length > config.syncResponseBytes()) {
                emit(atMicros, tags, spec, cold, initMicros, durationMicros, billed, payload.length, out.length,
                        "payload_limit");
                throw new LimitExceededException(SYNC_LIMIT, config.syncResponseBytes(), out.length,
                        "Response payload size (" + out.length + " bytes) of function " + spec.name()
                                + " exceeded maximum allowed payload size (" + config.syncResponseBytes() + " bytes)");
            }
            emit(atMicros, tags, spec, cold, initMicros, durationMicros, billed, payload.length,
                    type == InvocationType.REQUEST_RESPONSE ? out.length : 0, "ok");
            return type == InvocationType.REQUEST_RESPONSE ? out : new byte[0];
        } finally {
            release(d, instance, keep);
        }
    }

    private void release(Deployment d, Instance instance, boolean keep) {
        synchronized (lock) {
            busy--;
            if (keep && instance.handler != null && deployments.get(d.spec.name()) == d) {
                instance.idleSince = clock.now();
                d.idle.addFirst(instance);
            }
        }
    }

    /**
     * The handler's own CPU work: the profile's {@code lambda.compute.<runtime>} at one full vCPU, stretched by
     * {@code 1 / cpuShare} (a function below 1,769 MB gets that fraction of a vCPU; single-threaded handler code
     * gains nothing above it), let pass inside the invocation so it counts in its billed duration.
     */
    private void compute(FunctionSpec spec, InvocationContext context, long bytes) {
        String id = COMPUTE_ID_PREFIX + spec.runtime();
        if (!latency.has(id)) {
            return;
        }
        Duration atOneVcpu = latency.sample(id, bytes, spec.name());
        clock.sleep(Duration.ofNanos(Math.round(atOneVcpu.toNanos() / context.cpuShare())), LatencyPart.COMPUTE);
    }

    private InvocationContext context(FunctionSpec spec, boolean cold, Duration deadline) {
        double cpuShare = Math.min(1.0, spec.memoryMb() / (double) config.mbPerVcpu());
        return new InvocationContext(spec.name(), spec.memoryMb(), cpuShare, cold, deadline, clock);
    }

    private static FunctionErrorException functionError(FunctionSpec spec, String what, Exception e) {
        boolean retriable = e instanceof FameException fe && fe.isRetriable();
        String type = e.getClass().getSimpleName();
        return new FunctionErrorException(spec.name(), type,
                what + " in function " + spec.name() + ": " + type + ": " + e.getMessage(), retriable, e);
    }

    /** Billed milliseconds: (INIT if billed) + duration, rounded up to the next ms, at least 1 ms. */
    long billedMillis(long initMicros, long durationMicros) {
        long micros = durationMicros + (config.billInitPhase() ? initMicros : 0);
        return Math.max(1, (micros + 999) / 1000);
    }

    /** GB-seconds of a billed duration, with 1 GB = 1024 MB as AWS prices it. */
    static double gbSeconds(long billedMillis, int memoryMb) {
        return billedMillis / 1000.0 * (memoryMb / 1024.0);
    }

    private void emit(long atMicros, Tags tags, FunctionSpec spec, boolean cold, long initMicros, long durationMicros,
                      long billedMillis, long requestBytes, long responseBytes, String outcome) {
        events.emit(new Event.Invocation(atMicros, tags, spec.name(), spec.memoryMb(), cold, initMicros,
                durationMicros, billedMillis, gbSeconds(billedMillis, spec.memoryMb()), requestBytes, responseBytes,
                outcome));
    }

    private void evictExpiredLocked(Duration now) {
        for (Deployment d : deployments.values()) {
            // Idle instances are ordered most recently used first, so expired ones are at the tail.
            while (!d.idle.isEmpty() && now.minus(d.idle.peekLast().idleSince).compareTo(config.keepAlive()) >= 0) {
                d.idle.pollLast();
            }
        }
    }

    private Deployment deploymentLocked(String function) {
        Deployment d = deployments.get(function);
        if (d == null) {
            throw new ConfigException("function '" + function + "' is not deployed; deployed: " + deployments.keySet());
        }
        return d;
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    private static final class Deployment {
        final FunctionSpec spec;
        final Supplier<FunctionHandler> initializer;
        /** Idle instances, most recently used first. */
        final Deque<Instance> idle = new ArrayDeque<>();

        Deployment(FunctionSpec spec, Supplier<FunctionHandler> initializer) {
            this.spec = spec;
            this.initializer = initializer;
        }
    }

    private static final class Instance {
        FunctionHandler handler;
        Duration idleSince = Duration.ZERO;
    }
}
