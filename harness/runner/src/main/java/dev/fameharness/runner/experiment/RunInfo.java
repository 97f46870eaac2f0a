package dev.fameharness.runner.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.runner.preset.Preset;
import java.io.IOException;
import java.nio.file.Path;

/** {@code run.json}: what was run and how, and the statement of what is modeled and what is measured. */
public final class RunInfo {

    static final String MODELED = "Time is modeled in virtual-clock mode: every latency (Lambda cold/warm start, "
            + "Step Functions transition, DynamoDB/S3/Redis operations, MCP tool download+parse, LLM time to first "
            + "token and per-token rates, function handler compute at the memory size's vCPU share) is drawn from "
            + "the calibration profile with common random numbers (a stream per logical operation: session, turn, "
            + "tool and arguments, store key, role, ordinal; the same call draws the same time in every preset) "
            + "(harness/platform/src/main/resources/calibration/aws-us-east-1.yaml), where each figure has its "
            + "source or is marked an assumption. OpenAI's automatic prompt caching is modeled on the real prompt "
            + "tokens (1,024-token minimum, 128-token blocks, 5-minute lifetime; promptCaching). Storage GB-months "
            + "integrate the bytes each DynamoDB item (+100 bytes) and S3 object held over virtual time. Prices come from harness/report/src/main/resources/prices/aws-us-east-1.yaml.";
    static final String MEASURED = "Counted, not estimated: LLM input/output tokens (o200k_base of the real "
            + "prompts and outputs), bytes of every payload and store value, store requests and their billing units "
            + "(from real DynamoDB Local, redis-server and S3Proxy servers), function invocations, cold starts, state "
            + "transitions, tool calls (real MCP JSON-RPC), cache hits, failures and their reasons, ROUGE of the "
            + "answers against the authors' abstracts.";

    private RunInfo() {
    }

    static void write(Path file, Experiment e, String runId, long wallMillis, java.util.Map<String, Object> scenarioSettings)
            throws IOException {
        write(file, e, runId, wallMillis, scenarioSettings, e.clock(), n -> { });
    }

    /**
     * The same document for a run clocked otherwise than the experiment says ({@code aws}: a cloud run), with
     * {@code extra} adding or replacing keys (its {@code modeled}, {@code measured} and {@code not_measured}).
     */
    public static void write(Path file, Experiment e, String runId, long wallMillis,
                             java.util.Map<String, Object> scenarioSettings, String clock,
                             java.util.function.Consumer<ObjectNode> extra) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode n = json.createObjectNode();
        n.put("experiment", e.name());
        n.put("source", e.source());
        n.put("runId", runId);
        n.put("scenario", e.scenario());
        n.put("size", e.size());
        n.put("clock", clock);
        n.put("model", e.model());
        n.put("baseline", e.baseline());
        n.put("promptCaching", e.promptCaching());
        var seeds = n.putArray("seeds");
        e.seeds().forEach(seeds::add);
        var presets = n.putObject("presets");
        for (Preset p : e.presets()) {
            ObjectNode pn = presets.putObject(p.name());
            p.fields().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(f -> pn.put(f.getKey(), String.valueOf(f.getValue())));
        }
        var settings = n.putObject("scenario_settings");
        new java.util.TreeMap<>(scenarioSettings).forEach((k, v) -> settings.set(k, json.valueToTree(v)));
        var faults = n.putObject("faults");
        e.faults().forEach((k, v) -> faults.put(k, String.valueOf(v)));
        n.set("settings", json.valueToTree(e.settings()));
        n.set("workload", json.valueToTree(e.workload()));
        n.put("harnessWallMillis", wallMillis);
        n.put("peakHeapMiB", Math.round(dev.fameharness.runner.engine.HeapUse.peakBytes() / 1048576.0));
        n.put("modeled", MODELED);
        n.put("measured", MEASURED);
        extra.accept(n);
        json.writeValue(file.toFile(), n);
    }
}
