package dev.fameharness.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The working state of one turn, passed from planner to actor to evaluator. How it travels (whole in the
 * workflow payload, or in a store with a reference in the payload) is the architecture's
 * {@link dev.fameharness.agent.strategy.StateCarrier}; what is in it is the same for every architecture.
 *
 * @param verdict   {@code ""} before evaluation, then {@code accept} or {@code reject}
 * @param iteration planner/actor/evaluator rounds completed so far
 */
public record AgentState(String sessionId, String turnId, String request, List<MemoryNote> memory,
                         boolean memoryLoaded, String plan, List<Observation> observations, String answer,
                         String verdict, String feedback, int iteration) {

    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";

    public AgentState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(request, "request");
        memory = List.copyOf(memory);
        Objects.requireNonNull(plan, "plan");
        observations = List.copyOf(observations);
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(feedback, "feedback");
    }

    public static AgentState start(TurnRequest request) {
        return new AgentState(request.sessionId(), request.turnId(), request.text(), List.of(), false, "",
                List.of(), "", "", "", 0);
    }

    public AgentState withMemory(List<MemoryNote> notes) {
        return new AgentState(sessionId, turnId, request, notes, true, plan, observations, answer, verdict,
                feedback, iteration);
    }

    public AgentState withPlan(String newPlan) {
        return new AgentState(sessionId, turnId, request, memory, memoryLoaded, newPlan, observations, answer,
                verdict, feedback, iteration);
    }

    public AgentState withObservation(Observation observation) {
        List<Observation> all = new ArrayList<>(observations);
        all.add(observation);
        return new AgentState(sessionId, turnId, request, memory, memoryLoaded, plan, all, answer, verdict,
                feedback, iteration);
    }

    public AgentState withAnswer(String newAnswer) {
        return new AgentState(sessionId, turnId, request, memory, memoryLoaded, plan, observations, newAnswer,
                verdict, feedback, iteration);
    }

    public AgentState withVerdict(String newVerdict, String newFeedback) {
        return new AgentState(sessionId, turnId, request, memory, memoryLoaded, plan, observations, answer,
                newVerdict, newFeedback, iteration + 1);
    }

    public boolean accepted() {
        return ACCEPT.equals(verdict);
    }
}
