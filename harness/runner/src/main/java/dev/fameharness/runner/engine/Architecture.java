package dev.fameharness.runner.engine;

import dev.fameharness.agent.strategy.StateCarrier;
import dev.fameharness.agent.strategy.SessionMemory;
import dev.fameharness.agent.strategy.Topology;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.verify.WriteLedger;

/**
 * A preset made concrete for one run: the shared agent's strategies (topology, state carrier, memory, tool
 * layers) over this run's platform and stores. {@code ledger} records what the turns saved, to verify it after
 * the run.
 */
public record Architecture(Preset preset, Topology topology, StateCarrier carrier, SessionMemory memory,
                           ToolGateway tools, WriteLedger ledger) {
}
