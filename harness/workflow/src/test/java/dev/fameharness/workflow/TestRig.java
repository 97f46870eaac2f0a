package dev.fameharness.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.workflow.WorkflowResult;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import java.util.List;

/** A virtual clock, a fixture runtime, an event log and an engine on them. */
final class TestRig {

    final VirtualClock clock;
    final FixtureFunctionRuntime functions;
    final EventLog events = new EventLog();
    final AslWorkflowEngine engine;

    TestRig() {
        this(LatencyModel.ZERO, AslOptions.DEFAULTS);
    }

    TestRig(LatencyModel latency, AslOptions options) {
        clock = new VirtualClock(42);
        functions = new FixtureFunctionRuntime(clock);
        engine = new AslWorkflowEngine(functions, clock, latency, events, options);
    }

    /** Runs one execution as the main process of the virtual clock. */
    WorkflowResult run(String definition, String input) {
        WorkflowResult result = clock.run("main", () -> engine.execute("test", definition, input));
        if (!clock.orphanFailures().isEmpty()) {
            throw new AssertionError("orphan failures: " + clock.orphanFailures());
        }
        return result;
    }

    List<Event.Transition> transitions() {
        return events.events(Event.Transition.class);
    }

    static JsonNode json(String s) {
        return JsonData.parse(s, "test JSON");
    }

    /** Single quotes to double quotes, so that JSON fits in Java strings. */
    static String q(String s) {
        return s.replace('\'', '"');
    }
}
