package dev.fameharness.api.time;

import java.util.List;

/**
 * The parts a turn's service latency is split into along its critical path ({@link Clock#sleep(java.time.Duration,
 * String)} names one for every modeled delay; {@link Clock#attribution} sums them). Queueing before a turn
 * starts is not a part: it is the difference between a turn's arrival and its start.
 */
public final class LatencyPart {

    /** Model time to first token. */
    public static final String LLM_TTFT = "llm.ttft";
    /** Model prompt processing for the uncached input tokens. */
    public static final String LLM_PREFILL = "llm.prefill";
    /** Model generation of the output tokens. */
    public static final String LLM_DECODE = "llm.decode";
    /** Tool execution behind an MCP call (the remote download and parsing a real tool does). */
    public static final String TOOL = "tool";
    /** Key-value store round trips (DynamoDB, Redis). */
    public static final String STATE_KV = "state.kv";
    /** Object store round trips (S3). */
    public static final String STATE_OBJECT = "state.object";
    /** Workflow state transitions and the function invoke overhead. */
    public static final String ORCHESTRATION = "orchestration";
    /** Function INIT phases (cold starts). */
    public static final String COLD_START = "cold_start";
    /** A function handler's own CPU work, at the function's vCPU share. */
    public static final String COMPUTE = "compute";
    /** Back-off waits before retries and time lost to failed attempts (timeouts). */
    public static final String RETRY = "retry";
    /** Clock time no named delay accounts for (waits outside the modeled operations); measured, not assumed. */
    public static final String OTHER = "other";

    /** Every part, in the order results list them. */
    public static final List<String> ALL = List.of(LLM_TTFT, LLM_PREFILL, LLM_DECODE, TOOL, STATE_KV, STATE_OBJECT,
            ORCHESTRATION, COLD_START, COMPUTE, RETRY, OTHER);

    private LatencyPart() {
    }
}
