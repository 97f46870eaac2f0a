package dev.fameharness.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.workflow.WorkflowEngine;
import dev.fameharness.api.workflow.WorkflowResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Amazon States Language interpreter for Standard workflows, on the harness's {@link FunctionRuntime}
 * and {@link Clock}. Task states invoke functions synchronously with the state's effective input as UTF-8
 * JSON; Parallel branches and Map iterations run as {@link Clock#spawn clock processes}; Wait states and
 * retry back-off let clock time pass. Every state entered (and every retry) is one billed transition: an
 * {@code Event.Transition} is emitted and the modeled {@code sfn.transition} latency passes.
 *
 * <p>Under a {@code VirtualClock} call {@link #execute} from a simulation process; the whole execution
 * happens in virtual time. See the module README for what is and is not supported.
 */
public final class AslWorkflowEngine implements WorkflowEngine {

    private final FunctionRuntime runtime;
    private final Clock clock;
    private final LatencyModel latency;
    private final EventSink sink;
    private final AslOptions options;
    private final KeyedRandom keyed;
    private final AtomicLong executions = new AtomicLong();

    public AslWorkflowEngine(FunctionRuntime runtime, Clock clock, LatencyModel latency, EventSink sink) {
        this(runtime, clock, latency, sink, AslOptions.DEFAULTS);
    }

    public AslWorkflowEngine(FunctionRuntime runtime, Clock clock, LatencyModel latency, EventSink sink,
                             AslOptions options) {
        this(runtime, clock, latency, sink, options, null);
    }

    /**
     * @param keyed streams keyed by the logical operation for Retry jitter (common random numbers across
     *              architectures); null draws it from the executing process's stream
     */
    public AslWorkflowEngine(FunctionRuntime runtime, Clock clock, LatencyModel latency, EventSink sink,
                             AslOptions options, KeyedRandom keyed) {
        this.keyed = keyed;
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Validates {@code definitionJson} and runs one execution.
     *
     * @throws ConfigException the definition is invalid (naming the state and field), or the input is not
     *         JSON - what Step Functions rejects before an execution starts
     */
    @Override
    public WorkflowResult execute(String name, String definitionJson, String inputJson) {
        Objects.requireNonNull(name, "name");
        StateMachine machine = validate(name, definitionJson);
        JsonNode input;
        try {
            input = inputJson == null || inputJson.isBlank() ? JsonData.NODES.objectNode()
                    : JsonData.MAPPER.readTree(inputJson);
            input = input == null ? NullNode.getInstance() : input;
        } catch (JsonProcessingException e) {
            throw new ConfigException("workflow '" + name + "': the execution input is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        long n = executions.incrementAndGet();
        String executionName = UUID.nameUUIDFromBytes((name + "#" + n).getBytes(StandardCharsets.UTF_8)).toString();
        return new Execution(name, machine, runtime, clock, latency, sink, options, executionName, keyed)
                .run(input);
    }

    /** Parses and validates a definition without running it (what CreateStateMachine checks). */
    public static void validateDefinition(String name, String definitionJson) {
        validate(name, definitionJson);
    }

    private static StateMachine validate(String name, String definitionJson) {
        Objects.requireNonNull(definitionJson, "definitionJson");
        return StateMachine.parse(name, definitionJson);
    }
}
