package dev.fameharness.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.workflow.WorkflowResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One execution of a state machine: the interpreter loop, per-state input/output processing, Retry and
 * Catch, Parallel branches and Map iterations as clock processes, the payload quota and metering.
 * Every blocking step goes through the {@link Clock}, so under a virtual clock the execution runs on the
 * calling process (and on processes it spawns) in virtual time.
 */
final class Execution {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Step Functions' default Task TimeoutSeconds ("If not provided, the default value is 99999999"). */
    private static final long DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999L;

    private final String workflow;
    private final StateMachine machine;
    private final FunctionRuntime runtime;
    private final Clock clock;
    private final LatencyModel latency;
    private final EventSink sink;
    private final AslOptions options;
    private final String executionName;
    private final KeyedRandom keyed;
    private final Intrinsics intrinsics;
    private final AtomicInteger transitions = new AtomicInteger();
    private Duration start;
    private Duration deadline;
    private ObjectNode contextBase;

    Execution(String workflow, StateMachine machine, FunctionRuntime runtime, Clock clock, LatencyModel latency,
              EventSink sink, AslOptions options, String executionName, KeyedRandom keyed) {
        this.workflow = workflow;
        this.machine = machine;
        this.runtime = runtime;
        this.clock = clock;
        this.latency = latency;
        this.sink = sink;
        this.options = options;
        this.executionName = executionName;
        this.keyed = keyed;
        this.intrinsics = new Intrinsics(clock::random);
    }

    WorkflowResult run(JsonNode input) {
        start = clock.now();
        Duration timeout = options.executionTimeout();
        if (machine.timeoutSeconds().canConvertToLong()) {
            Duration own = Duration.ofSeconds(machine.timeoutSeconds().asLong());
            timeout = own.compareTo(timeout) < 0 ? own : timeout;
        }
        deadline = start.plus(timeout);
        String stateMachineArn = "arn:aws:states:" + options.region() + ":" + options.account() + ":stateMachine:"
                + workflow;
        contextBase = JsonData.NODES.objectNode();
        ObjectNode exec = contextBase.putObject("Execution");
        exec.put("Id", "arn:aws:states:" + options.region() + ":" + options.account() + ":execution:" + workflow + ":"
                + executionName);
        exec.set("Input", input);
        exec.put("Name", executionName);
        exec.put("RoleArn", "arn:aws:iam::" + options.account() + ":role/" + workflow + "-role");
        exec.put("StartTime", timestamp(start));
        ObjectNode sm = contextBase.putObject("StateMachine");
        sm.put("Id", stateMachineArn);
        sm.put("Name", workflow);
        try {
            checkSize(input, "the execution input");
            JsonNode output = runMachine(machine, input, Cancellation.NONE);
            return WorkflowResult.success(JsonData.write(output), transitions.get());
        } catch (StatesError e) {
            return WorkflowResult.failure(e.error(), e.errorCause(), transitions.get());
        }
    }

    int transitions() {
        return transitions.get();
    }

    // ------------------------------------------------------------------------------------------------

    private JsonNode runMachine(StateMachine m, JsonNode input, Cancellation cancel) {
        String current = m.startAt();
        JsonNode data = input;
        while (true) {
            JsonNode state = m.state(current);
            cancel.check();
            checkDeadline(current);
            String type = state.get("Type").asText();
            Duration entered = clock.now();
            transition(current, type, data);
            Step step = runState(current, type, state, data, entered, cancel);
            if (step.next == null) {
                return step.output;
            }
            current = step.next;
            data = step.output;
        }
    }

    private record Step(String next, JsonNode output) {
    }

    private Step runState(String name, String type, JsonNode s, JsonNode raw, Duration entered, Cancellation cancel) {
        String where = "state '" + name + "'";
        switch (type) {
            case "Succeed":
                return new Step(null, output(s, inputPath(s, raw, where), where));
            case "Fail": {
                String error = s.has("ErrorPath")
                        ? JsonData.read(s.get("ErrorPath").asText(), raw, context(name, entered, 0), StatesError.RUNTIME, where).asText()
                        : s.path("Error").asText("States.Fail");
                String cause = s.has("CausePath")
                        ? JsonData.read(s.get("CausePath").asText(), raw, context(name, entered, 0), StatesError.RUNTIME, where).asText()
                        : s.path("Cause").asText("");
                throw new StatesError(error, cause);
            }
            case "Choice": {
                JsonNode effective = inputPath(s, raw, where);
                JsonNode ctx = context(name, entered, 0);
                for (JsonNode rule : s.get("Choices")) {
                    if (ChoiceRules.matches(rule, effective, ctx, where)) {
                        return new Step(rule.get("Next").asText(), output(s, effective, where));
                    }
                }
                if (s.has("Default")) {
                    return new Step(s.get("Default").asText(), output(s, effective, where));
                }
                throw new StatesError(StatesError.NO_CHOICE_MATCHED, where + ": no Choice rule matched and there is "
                        + "no Default");
            }
            case "Wait": {
                JsonNode effective = inputPath(s, raw, where);
                clock.sleep(waitDuration(s, effective, where), LatencyPart.ORCHESTRATION);
                return next(s, output(s, effective, where));
            }
            case "Pass": {
                JsonNode ctx = context(name, entered, 0);
                JsonNode effective = parameters(s, inputPath(s, raw, where), ctx, where);
                JsonNode result = s.has("Result") ? s.get("Result") : effective;
                JsonNode out = output(s, JsonData.applyResultPath(raw, result, resultPath(s), where), where);
                checkSize(out, where + " output");
                return next(s, out);
            }
            default:
                return withRetryAndCatch(name, type, s, raw, entered, cancel, where);
        }
    }

    /** Task, Parallel and Map: attempts under the state's retriers, then its catchers. */
    private Step withRetryAndCatch(String name, String type, JsonNode s, JsonNode raw, Duration entered,
                                   Cancellation cancel, String where) {
        JsonNode retriers = s.path("Retry");
        int[] attempts = new int[retriers.size()];
        int retryCount = 0;
        while (true) {
            try {
                JsonNode ctx = context(name, entered, retryCount);
                JsonNode out = switch (type) {
                    case "Task" -> task(s, raw, ctx, where);
                    case "Parallel" -> parallel(name, s, raw, ctx, cancel, where);
                    case "Map" -> map(name, s, raw, ctx, cancel, where);
                    default -> throw new IllegalStateException("not a retryable type: " + type);
                };
                return next(s, out);
            } catch (StatesError e) {
                if (e.isTerminal()) {
                    throw e;
                }
                int r = firstMatch(retriers, e);
                if (r >= 0) {
                    JsonNode retrier = retriers.get(r);
                    int maxAttempts = retrier.path("MaxAttempts").asInt(3);
                    if (attempts[r] < maxAttempts) {
                        clock.sleep(retryDelay(name, retrier, attempts[r]), LatencyPart.RETRY);
                        attempts[r]++;
                        retryCount++;
                        cancel.check();
                        checkDeadline(name);
                        transition(name, type, raw); // "Retries are treated as state transitions."
                        continue;
                    }
                }
                JsonNode catchers = s.path("Catch");
                int c = firstMatch(catchers, e);
                if (c < 0) {
                    throw e;
                }
                JsonNode catcher = catchers.get(c);
                ObjectNode errorOutput = JsonData.NODES.objectNode();
                errorOutput.put("Error", e.error());
                errorOutput.put("Cause", e.errorCause());
                JsonNode rp = catcher.has("ResultPath") ? catcher.get("ResultPath") : null;
                JsonNode out = JsonData.applyResultPath(raw, errorOutput, rp, where + " Catch");
                checkSize(out, where + " Catch output");
                return new Step(catcher.get("Next").asText(), out);
            }
        }
    }

    private static int firstMatch(JsonNode list, StatesError e) {
        for (int i = 0; i < list.size(); i++) {
            for (JsonNode name : list.get(i).path("ErrorEquals")) {
                if (e.matches(name.asText())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * IntervalSeconds x BackoffRate^attempt, capped at MaxDelaySeconds; with JitterStrategy FULL a uniform
     * draw in [0, that): from a stream keyed by the state and attempt when the engine has a {@link KeyedRandom}
     * (common random numbers), else from the process's seeded random stream.
     */
    Duration retryDelay(String state, JsonNode retrier, int attempt) {
        double seconds = retrier.path("IntervalSeconds").asDouble(1.0)
                * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attempt);
        if (retrier.has("MaxDelaySeconds")) {
            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
        }
        if ("FULL".equals(retrier.path("JitterStrategy").asText("NONE"))) {
            seconds = (keyed == null ? clock.random() : keyed.next("sfn.retry.jitter", state + "#" + attempt))
                    .nextDouble() * seconds;
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    // ---------------------------------------------------------------------------------- Task -------

    private JsonNode task(JsonNode s, JsonNode raw, JsonNode ctx, String where) {
        JsonNode effective = parameters(s, inputPath(s, raw, where), ctx, where);
        checkSize(effective, where + " input (after Parameters)");
        String resource = s.get("Resource").asText();
        boolean integration = resource.equals("arn:aws:states:::lambda:invoke");
        String function;
        JsonNode payload;
        if (integration) {
            function = functionName(effective.path("FunctionName").asText());
            payload = effective.has("Payload") ? effective.get("Payload") : JsonData.NODES.objectNode();
        } else {
            function = functionName(resource);
            payload = effective;
        }
        long timeoutSeconds = s.has("TimeoutSecondsPath")
                ? JsonData.read(s.get("TimeoutSecondsPath").asText(), raw, ctx, StatesError.RUNTIME, where).asLong()
                : s.path("TimeoutSeconds").asLong(DEFAULT_TASK_TIMEOUT_SECONDS);
        JsonNode response = invoke(function, JsonData.bytes(payload), Duration.ofSeconds(timeoutSeconds), where);
        JsonNode result = response;
        if (integration) {
            ObjectNode wrapped = JsonData.NODES.objectNode();
            wrapped.put("ExecutedVersion", "$LATEST");
            wrapped.set("Payload", response);
            wrapped.put("StatusCode", 200);
            result = wrapped;
        }
        checkSize(result, where + " task result");
        if (s.has("ResultSelector")) {
            result = JsonData.template(s.get("ResultSelector"), result, ctx, intrinsics, where + " ResultSelector");
        }
        JsonNode out = output(s, JsonData.applyResultPath(raw, result, resultPath(s), where), where);
        checkSize(out, where + " output");
        return out;
    }

    /** The function name in a Lambda ARN (with or without a version/alias qualifier), or the bare name. */
    static String functionName(String resourceOrName) {
        if (resourceOrName.startsWith("arn:")) {
            String[] parts = resourceOrName.split(":");
            int i = java.util.Arrays.asList(parts).indexOf("function");
            if (i >= 0 && i + 1 < parts.length) {
                return parts[i + 1];
            }
        }
        int colon = resourceOrName.indexOf(':');
        return colon > 0 ? resourceOrName.substring(0, colon) : resourceOrName;
    }

    private JsonNode invoke(String function, byte[] payload, Duration taskTimeout, String where) {
        Duration before = clock.now();
        byte[] response;
        StatesError failure = null;
        try {
            response = runtime.invoke(function, payload);
        } catch (FunctionErrorException e) {
            response = null;
            failure = new StatesError(e.errorType(), lambdaCause(e.errorType(), e.getMessage()), true);
        } catch (FunctionTimeoutException e) {
            // Step Functions developer guide, "Error handling": unhandled Lambda errors, "including function
            // timeouts", are reported as Lambda.Unknown; States.Timeout is the Task's own TimeoutSeconds.
            response = null;
            failure = new StatesError("Lambda.Unknown", lambdaCause("Lambda.Unknown", e.getMessage()), true);
        } catch (RetriableException e) {
            response = null;
            String error = "TooManyRequestsException".equals(e.code())
                    ? "Lambda.TooManyRequestsException" : "Lambda.ServiceException";
            failure = new StatesError(error, e.getMessage(), true);
        } catch (LimitExceededException e) {
            // Lambda's own payload quota (6 MB request/response). A request over it is the Invoke API's
            // RequestTooLargeException; a response over it is the runtime's Function.ResponseSizeTooLarge.
            response = null;
            String error = payload.length > e.maximum()
                    ? "Lambda.RequestTooLargeException" : "Function.ResponseSizeTooLarge";
            failure = new StatesError(error, lambdaCause(error, e.getMessage()), true);
        }
        Duration elapsed = clock.now().minus(before);
        if (elapsed.compareTo(taskTimeout) > 0) {
            throw new StatesError(StatesError.TIMEOUT, where + ": the task ran " + elapsed.toMillis()
                    + " ms, longer than its TimeoutSeconds of " + taskTimeout.toSeconds() + " s", true);
        }
        if (failure != null) {
            throw failure;
        }
        if (response.length > options.payloadLimitBytes()) {
            throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, where + ": the function " + function
                    + " returned " + response.length + " bytes, over the state payload quota of "
                    + options.payloadLimitBytes() + " bytes");
        }
        if (response.length == 0) {
            return JsonData.NODES.nullNode();
        }
        return JsonData.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8),
                where + ": the response of function " + function);
    }

    private static String lambdaCause(String errorType, String message) {
        ObjectNode cause = JsonData.NODES.objectNode();
        cause.put("errorMessage", message == null ? "" : message);
        cause.put("errorType", errorType);
        return JsonData.write(cause);
    }

    // ------------------------------------------------------------------------------ Parallel -------

    private JsonNode parallel(String name, JsonNode s, JsonNode raw, JsonNode ctx, Cancellation parent, String where) {
        JsonNode effective = parameters(s, inputPath(s, raw, where), ctx, where);
        checkSize(effective, where + " input (after Parameters)");
        JsonNode branches = s.get("Branches");
        Cancellation cancel = new Cancellation(parent);
        Failures failures = new Failures();
        List<Clock.Task<JsonNode>> tasks = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            StateMachine branch = StateMachine.unchecked(branches.get(i));
            int index = i;
            JsonNode branchInput = effective.deepCopy();
            tasks.add(clock.spawn(name + "-branch-" + i,
                    () -> guarded(() -> runMachine(branch, branchInput, cancel), index, cancel, failures)));
        }
        ArrayNode results = JsonData.NODES.arrayNode();
        for (Clock.Task<JsonNode> t : tasks) {
            results.add(t.join());
        }
        failures.rethrowFirst(parent);
        return afterWork(s, raw, results, ctx, where);
    }

    // ----------------------------------------------------------------------------------- Map -------

    private JsonNode map(String name, JsonNode s, JsonNode raw, JsonNode ctx, Cancellation parent, String where) {
        JsonNode effective = inputPath(s, raw, where);
        String itemsPath = s.path("ItemsPath").asText("$");
        JsonNode items = JsonData.read(itemsPath, effective, ctx, StatesError.RUNTIME, where + " ItemsPath");
        if (!items.isArray()) {
            throw new StatesError(StatesError.RUNTIME, where + ": ItemsPath '" + itemsPath
                    + "' must select a JSON array, selected " + JsonData.abbreviate(JsonData.write(items)));
        }
        JsonNode selector = s.has("ItemSelector") ? s.get("ItemSelector") : s.get("Parameters");
        List<JsonNode> inputs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode itemInput = items.get(i);
            if (selector != null) {
                ObjectNode itemCtx = ((ObjectNode) ctx).deepCopy();
                ObjectNode item = itemCtx.putObject("Map").putObject("Item");
                item.put("Index", i);
                item.set("Value", items.get(i));
                itemInput = JsonData.template(selector, effective, itemCtx, intrinsics, where + " ItemSelector");
            }
            checkSize(itemInput, where + " iteration " + i + " input");
            inputs.add(itemInput);
        }
        JsonNode processorJson = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
        StateMachine processor = StateMachine.unchecked(processorJson);
        int maxConcurrency = s.path("MaxConcurrency").asInt(0);
        int workers = maxConcurrency == 0 ? inputs.size() : Math.min(maxConcurrency, inputs.size());
        JsonNode[] results = new JsonNode[inputs.size()];
        AtomicInteger nextItem = new AtomicInteger();
        Cancellation cancel = new Cancellation(parent);
        Failures failures = new Failures();
        List<Clock.Task<JsonNode>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(clock.spawn(name + "-slot-" + w, () -> {
                int i;
                while ((i = nextItem.getAndIncrement()) < inputs.size() && !cancel.isCancelled()) {
                    int index = i;
                    results[index] = guarded(() -> runMachine(processor, inputs.get(index), cancel), index, cancel,
                            failures);
                }
                return null;
            }));
        }
        tasks.forEach(Clock.Task::join);
        failures.rethrowFirst(parent);
        ArrayNode out = JsonData.NODES.arrayNode();
        for (JsonNode r : results) {
            out.add(r);
        }
        return afterWork(s, raw, out, ctx, where);
    }

    /** ResultSelector, ResultPath, OutputPath and the size checks, shared by Parallel and Map. */
    private JsonNode afterWork(JsonNode s, JsonNode raw, JsonNode results, JsonNode ctx, String where) {
        checkSize(results, where + " result");
        JsonNode result = results;
        if (s.has("ResultSelector")) {
            result = JsonData.template(s.get("ResultSelector"), result, ctx, intrinsics, where + " ResultSelector");
        }
        JsonNode out = output(s, JsonData.applyResultPath(raw, result, resultPath(s), where), where);
        checkSize(out, where + " output");
        return out;
    }

    private interface Work {
        JsonNode run();
    }

    /** Runs a branch or iteration; on failure records it (with its clock time) and stops the siblings. */
    private JsonNode guarded(Work work, int index, Cancellation cancel, Failures failures) {
        try {
            return work.run();
        } catch (StatesError e) {
            if (!StatesError.CANCELLED.equals(e.error())) {
                failures.add(clock.now(), index, e);
                cancel.cancel();
            }
            return JsonData.NODES.nullNode();
        }
    }

    /** Failures of the branches or iterations of one Parallel or Map state; the earliest one wins. */
    private static final class Failures {
        private record Failure(Duration at, int index, StatesError error) {
        }

        private final List<Failure> list = new ArrayList<>();

        synchronized void add(Duration at, int index, StatesError error) {
            list.add(new Failure(at, index, error));
        }

        synchronized void rethrowFirst(Cancellation parent) {
            parent.check();
            list.stream()
                    .min(Comparator.comparing(Failure::at).thenComparingInt(Failure::index))
                    .ifPresent(f -> {
                        throw f.error();
                    });
        }
    }

    /** Stops Parallel branches and Map iterations at their next state once a sibling has failed. */
    static final class Cancellation {
        static final Cancellation NONE = new Cancellation(null);

        private final Cancellation parent;
        private volatile boolean cancelled;

        Cancellation(Cancellation parent) {
            this.parent = parent;
        }

        void cancel() {
            if (this != NONE) {
                cancelled = true;
            }
        }

        boolean isCancelled() {
            return cancelled || (parent != null && parent.isCancelled());
        }

        void check() {
            if (isCancelled()) {
                throw new StatesError(StatesError.CANCELLED, "a sibling branch or iteration failed");
            }
        }
    }

    // ------------------------------------------------------------------- input/output processing --

    private static JsonNode inputPath(JsonNode s, JsonNode raw, String where) {
        return path(s, "InputPath", raw, where);
    }

    private static JsonNode output(JsonNode s, JsonNode data, String where) {
        return path(s, "OutputPath", data, where);
    }

    /** InputPath/OutputPath: absent = {@code $}, {@code null} = an empty object. */
    private static JsonNode path(JsonNode s, String field, JsonNode data, String where) {
        if (!s.has(field)) {
            return data;
        }
        if (s.get(field).isNull()) {
            return JsonData.NODES.objectNode();
        }
        return JsonData.read(s.get(field).asText(), data, null, StatesError.RUNTIME, where + " " + field);
    }

    private JsonNode parameters(JsonNode s, JsonNode effective, JsonNode ctx, String where) {
        if (!s.has("Parameters")) {
            return effective;
        }
        return JsonData.template(s.get("Parameters"), effective, ctx, intrinsics, where + " Parameters");
    }

    /** ResultPath: absent = {@code $} (replace), explicit {@code null} = discard the result. */
    private static JsonNode resultPath(JsonNode s) {
        return s.has("ResultPath") ? s.get("ResultPath") : JsonData.NODES.textNode("$");
    }

    private static Step next(JsonNode s, JsonNode out) {
        return new Step(s.path("End").asBoolean(false) ? null : s.get("Next").asText(), out);
    }

    private Duration waitDuration(JsonNode s, JsonNode effective, String where) {
        if (s.has("Seconds")) {
            return Duration.ofSeconds(s.get("Seconds").asLong());
        }
        if (s.has("SecondsPath")) {
            JsonNode v = JsonData.read(s.get("SecondsPath").asText(), effective, null, StatesError.RUNTIME, where);
            if (!v.canConvertToLong() || v.asLong() < 0) {
                throw new StatesError(StatesError.RUNTIME, where + ": SecondsPath must select a non-negative integer, "
                        + "selected " + v);
            }
            return Duration.ofSeconds(v.asLong());
        }
        String ts = s.has("Timestamp") ? s.get("Timestamp").asText()
                : JsonData.read(s.get("TimestampPath").asText(), effective, null, StatesError.RUNTIME, where).asText();
        Instant until = ChoiceRules.timestamp(ts).orElseThrow(() -> new StatesError(StatesError.RUNTIME, where
                + ": '" + ts + "' is not an ISO-8601 timestamp")).toInstant();
        Instant now = options.epoch().plus(clock.now());
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private JsonNode context(String stateName, Duration entered, int retryCount) {
        ObjectNode ctx = contextBase.deepCopy();
        ObjectNode state = ctx.putObject("State");
        state.put("EnteredTime", timestamp(entered));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        return ctx;
    }

    private String timestamp(Duration sinceStart) {
        return TIMESTAMP.format(options.epoch().plus(sinceStart));
    }

    // ------------------------------------------------------------------------- limits, metering ---

    /** Step Functions' payload quota: more than {@code payloadLimitBytes} of UTF-8 JSON is DataLimitExceeded. */
    private void checkSize(JsonNode node, String what) {
        int size = JsonData.size(node);
        if (size > options.payloadLimitBytes()) {
            throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, what + " is " + size
                    + " bytes, over the state payload quota of " + options.payloadLimitBytes() + " bytes");
        }
    }

    private void checkDeadline(String state) {
        if (clock.now().compareTo(deadline) > 0) {
            throw new StatesError(StatesError.TIMEOUT, "the execution ran longer than its timeout of "
                    + deadline.minus(start).toSeconds() + " s (entering state '" + state + "')");
        }
    }

    /** One billed state transition: counted, emitted, and the modeled transition latency passes. */
    private void transition(String state, String type, JsonNode payload) {
        long bytes = JsonData.size(payload);
        transitions.incrementAndGet();
        sink.emit(new Event.Transition(clock.now().toNanos() / 1_000, Scope.current(), workflow, state, type, bytes));
        clock.sleep(latency.sample("sfn.transition", bytes, state), LatencyPart.ORCHESTRATION);
    }
}
