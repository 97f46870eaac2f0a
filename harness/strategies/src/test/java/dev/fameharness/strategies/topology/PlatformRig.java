package dev.fameharness.strategies.topology;

import dev.fameharness.agent.Agent;
import dev.fameharness.agent.AgentConfig;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.FakeToolGateway;
import dev.fameharness.agent.ScriptedChatModel;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.agent.strategy.StateCarrier;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.workflow.AslWorkflowEngine;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real platform under a virtual clock: FaaS emulator, ASL engine, event log; runs one turn as "main". Shipped in
 * fame-strategies:test-jar for the baselines' topology tests.
 */
public final class PlatformRig {

    public final VirtualClock clock = new VirtualClock(7);
    public final EventLog events = new EventLog();
    public final FaasEmulator faas = new FaasEmulator(clock, LatencyModel.ZERO, events, FaasConfig.defaults());
    public final AslWorkflowEngine engine = new AslWorkflowEngine(faas, clock, LatencyModel.ZERO, events);

    public static final AgentState START = AgentState.start(new TurnRequest("session-1", "turn-1", "summarize paper P1"));

    public AgentHandlers handlers(ScriptedChatModel model, ToolGateway tools, int maxIterations, StateCarrier carrier) {
        return new AgentHandlers(new Agent(model, tools, new AgentConfig(maxIterations, 4)), carrier, SessionMemory.NONE);
    }

    /** The outcome of one turn: the accepted state or the failure. */
    public record Outcome(AgentState state, TurnFailure failure) {
        public TurnFailure failed() {
            if (failure == null) {
                throw new AssertionError("the turn succeeded: " + state);
            }
            return failure;
        }

        public AgentState succeeded() {
            if (failure != null) {
                throw new AssertionError("the turn failed: " + failure.getMessage(), failure);
            }
            return state;
        }
    }

    public Outcome run(Supplier<dev.fameharness.agent.strategy.Topology> topology) {
        Outcome outcome = clock.run("main", () -> {
            try {
                return new Outcome(topology.get().run(START), null);
            } catch (TurnFailure f) {
                return new Outcome(null, f);
            }
        });
        if (!clock.orphanFailures().isEmpty()) {
            throw new AssertionError("orphan failures: " + clock.orphanFailures());
        }
        return outcome;
    }

    public List<String> transitions() {
        return events.events(Event.Transition.class).stream().map(Event.Transition::state).toList();
    }

    public static FakeToolGateway tools(String fetchResult) {
        return new FakeToolGateway().tool("fetch", true, args -> fetchResult);
    }
}
