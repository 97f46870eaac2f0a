package dev.fameharness.agent;

import java.util.List;

/** Test fixture shared by the carrier tests of every module: a working state with every field set. */
public final class AgentStates {

    private AgentStates() {
    }

    /** A state with every field set, including text that needs escaping. */
    public static AgentState full() {
        return AgentState.start(new TurnRequest("../sess\u0001ion", "turn-7", "summarize \"P1\"\nplease"))
                .withMemory(List.of(new MemoryNote("turn-1", "answer", "paper:P0", "earlier answer ✓")))
                .withPlan("{\"steps\":[{\"tool\":\"fetch_paper\"}]}")
                .withObservation(new Observation("search_papers", "{\"query\":\"x\"}", "1. P1", "", false))
                .withObservation(new Observation("fetch_paper", "{\"paper_id\":\"P1\"}",
                        ArtifactRefs.header("s3://artifacts/ab", 99) + "\nparts", "s3://artifacts/ab", false))
                .withObservation(new Observation("get_section", "{}", "argument 'paper_id' is missing", "", true))
                .withAnswer("The answer — with unicode 😀.")
                .withVerdict(AgentState.REJECT, "needs results");
    }
}
