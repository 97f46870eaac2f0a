package dev.fameharness.strategies.topology;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.agent.strategy.Topology;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.workflow.WorkflowEngine;
import dev.fameharness.api.workflow.WorkflowResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The roles as functions orchestrated by an Amazon States Language workflow, either as three separate
 * functions (planner, actor, evaluator; a Choice sends a rejected answer back to the planner) or as one
 * fused function. The definitions are the resources {@code workflows/separate.asl.json} and
 * {@code workflows/fused.asl.json}; the same JSON, with real ARNs, deploys to AWS Step Functions.
 */
public final class WorkflowTopology implements Topology {

    public enum Variant {
        SEPARATE("separate"),
        FUSED("fused");

        final String resource;

        Variant(String resource) {
            this.resource = resource;
        }
    }

    private final Variant variant;
    private final WorkflowEngine engine;
    private final AgentHandlers handlers;
    private final String definition;

    public WorkflowTopology(Variant variant, WorkflowEngine engine, FunctionRuntime faas, AgentHandlers handlers,
                            FunctionSettings settings) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.definition = definition(variant, handlers.agent().config().maxIterations());
        if (variant == Variant.SEPARATE) {
            faas.deploy(new FunctionSpec("planner", settings.memoryMb(), settings.roleTimeout(), settings.runtime()),
                    handlers::planner);
            faas.deploy(new FunctionSpec("actor", settings.memoryMb(), settings.roleTimeout(), settings.runtime()),
                    handlers::actor);
            faas.deploy(new FunctionSpec("evaluator", settings.memoryMb(), settings.roleTimeout(), settings.runtime()),
                    handlers::evaluator);
        } else {
            faas.deploy(new FunctionSpec("agent", settings.memoryMb(), FunctionSettings.MAX_TIMEOUT,
                    settings.runtime()), handlers::fused);
        }
    }

    /** The ASL definition for a variant with the iteration bound filled in. */
    public static String definition(Variant variant, int maxIterations) {
        String path = "/workflows/" + variant.resource + ".asl.json";
        try (InputStream in = WorkflowTopology.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigException("workflow definition " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"${maxIterations}\"", Integer.toString(maxIterations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return variant.resource;
    }

    public String definition() {
        return definition;
    }

    @Override
    public AgentState run(AgentState initial) {
        String input = new String(handlers.carrier().encode(initial), StandardCharsets.UTF_8);
        WorkflowResult result = engine.execute("turn-" + variant.resource, definition, input);
        if (result.succeeded()) {
            return handlers.carrier().decode(result.output().getBytes(StandardCharsets.UTF_8));
        }
        throw new TurnFailure(reasonOf(result), result.error() + ": " + result.cause());
    }

    /** What Lambda writes in the errorMessage of a timed-out invocation (the emulator writes the same). */
    static final String TIMED_OUT = "Task timed out after";

    /** The failure reason of a failed execution from its error and cause (also what a cloud run classifies by). */
    public static FailureReason reasonOf(WorkflowResult result) {
        return switch (result.error()) {
            // the state payload quota, or Lambda's own payload limit on a Task's request or response
            case "States.DataLimitExceeded", "Lambda.RequestTooLargeException", "Function.ResponseSizeTooLarge" ->
                    FailureReason.STATE_PAYLOAD_LIMIT;
            case "States.Timeout" -> FailureReason.FUNCTION_TIMEOUT;
            case "EvaluatorGaveUp" -> FailureReason.EVALUATOR_GAVE_UP;
            // Step Functions reports a function timeout as Lambda.Unknown; only the cause tells it apart
            case "Lambda.Unknown" -> result.cause().contains(TIMED_OUT) ? FailureReason.FUNCTION_TIMEOUT
                    : TurnFailure.reasonIn(result.cause()).orElse(FailureReason.SERVICE_ERROR);
            default -> TurnFailure.reasonIn(result.cause()).orElse(FailureReason.SERVICE_ERROR);
        };
    }
}
