package dev.fameharness.baselines;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.agent.strategy.AgentHandlers;
import dev.fameharness.agent.strategy.Topology;
import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.strategies.topology.FunctionSettings;
import java.util.Objects;

/**
 * The whole ReAct loop in one function invocation per turn, the way a single Lambda agent is usually
 * deployed: no workflow, the function's 15-minute timeout and its 6 MB synchronous payload limit apply.
 * Throttled invocations are retried with the SDK's default attempts (3) and exponential backoff.
 */
public final class MonolithicTopology implements Topology {

    static final String FUNCTION = "agent";
    static final int ATTEMPTS = 3;

    private final FunctionRuntime faas;
    private final AgentHandlers handlers;
    private final dev.fameharness.api.time.Clock clock;

    public MonolithicTopology(FunctionRuntime faas, AgentHandlers handlers, FunctionSettings settings,
                              dev.fameharness.api.time.Clock clock) {
        this.faas = Objects.requireNonNull(faas, "faas");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.clock = Objects.requireNonNull(clock, "clock");
        faas.deploy(new FunctionSpec(FUNCTION, settings.memoryMb(), FunctionSettings.MAX_TIMEOUT, settings.runtime()),
                handlers::fused);
    }

    @Override
    public String name() {
        return "monolithic";
    }

    @Override
    public AgentState run(AgentState initial) {
        byte[] payload = handlers.carrier().encode(initial);
        for (int attempt = 1; ; attempt++) {
            try {
                return handlers.carrier().decode(faas.invoke(FUNCTION, payload));
            } catch (RuntimeException e) {
                boolean retriable = e instanceof dev.fameharness.api.error.FameException fe && fe.isRetriable();
                if (!retriable || attempt >= ATTEMPTS) {
                    throw TurnFailure.of(e);
                }
                // The SDK's standard retry: exponential backoff with full jitter, base 100 ms.
                long cap = 100L << (attempt - 1);
                clock.sleep(java.time.Duration.ofMillis(clock.random().nextLong(cap + 1)),
                        dev.fameharness.api.time.LatencyPart.RETRY);
            }
        }
    }
}
