package dev.fameharness.strategies.state;

import dev.fameharness.agent.state.ValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * References instead of bytes: a tool response larger than the threshold is stored as an artifact and the
 * agent gets a reference with an outline of its parts; the {@code read_artifact} tool then reads only the
 * byte range of the part it needs (an S3 range GET on an object store).
 */
public final class ReferencingToolGateway implements ToolGateway {

    public static final String SERVER = "artifacts";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_SCHEMA = """
            {"type":"object","properties":{\
            "ref":{"type":"string","description":"the artifact reference, e.g. s3://artifacts/..."},\
            "offset":{"type":"integer","description":"first byte to read, from the artifact's outline"},\
            "length":{"type":"integer","description":"number of bytes to read, from the artifact's outline"}},\
            "required":["ref","offset","length"]}""";
    /** Longest part read in one call, so a model cannot pull a whole artifact back into its context by mistake. */
    static final int MAX_READ_BYTES = 64 * 1024;

    private final ToolGateway inner;
    private final ValueStore artifacts;
    private final long thresholdBytes;

    public ReferencingToolGateway(ToolGateway inner, ValueStore artifacts, long thresholdBytes) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        if (thresholdBytes < 0) {
            throw new IllegalArgumentException("thresholdBytes must be >= 0, was " + thresholdBytes);
        }
        this.thresholdBytes = thresholdBytes;
    }

    @Override
    public List<ToolDescriptor> tools() {
        List<ToolDescriptor> all = new ArrayList<>(inner.tools());
        all.add(new ToolDescriptor(SERVER, ArtifactRefs.READ_TOOL,
                "Reads one part of a stored artifact by byte range, as listed in its outline.", READ_SCHEMA, false));
        return all;
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        if (SERVER.equals(server) && ArtifactRefs.READ_TOOL.equals(tool)) {
            return read(argumentsJson);
        }
        ToolResult result = inner.call(server, tool, argumentsJson);
        byte[] bytes = result.content().getBytes(StandardCharsets.UTF_8);
        if (result.error() || bytes.length <= thresholdBytes) {
            return result;
        }
        String args = CanonicalJson.canonical(argumentsJson);
        String ref = artifacts.put(Keys.artifact(server, tool, args), bytes);
        String reference = ArtifactRefs.header(ref, bytes.length) + "\n"
                + "Stored result of " + tool + " " + args + ".\n" + outline(ref, result.content());
        return new ToolResult(reference, false, result.requestBytes(), result.responseBytes());
    }

    private ToolResult read(String argumentsJson) {
        JsonNode args;
        try {
            args = JSON.readTree(argumentsJson);
        } catch (IOException e) {
            return new ToolResult("arguments are not valid JSON: " + e.getMessage(), true, 0, 0);
        }
        String ref = args.path("ref").asText("");
        if (!ref.startsWith("s3://") && !ref.startsWith("kv://")) {
            return new ToolResult("argument 'ref' must be an artifact reference (s3://... or kv://...), was '"
                    + ref + "'", true, 0, 0);
        }
        if (!args.path("offset").canConvertToLong() || args.path("offset").asLong() < 0) {
            return new ToolResult("argument 'offset' must be an integer >= 0", true, 0, 0);
        }
        if (!args.path("length").canConvertToLong() || args.path("length").asLong() < 1) {
            return new ToolResult("argument 'length' must be an integer >= 1", true, 0, 0);
        }
        long length = Math.min(MAX_READ_BYTES, args.path("length").asLong());
        return artifacts.getRange(ref, args.path("offset").asLong(), length)
                .map(b -> new ToolResult(new String(b, StandardCharsets.UTF_8), false, 0, b.length))
                .orElseGet(() -> new ToolResult("artifact " + ref + " does not exist", true, 0, 0));
    }

    /**
     * The working-state recorder that goes with this gateway: a result read back from an artifact (or any
     * result over the threshold) is kept in the state as a pointer to the bytes, not the bytes, so the state
     * and the prompts of the next roles stay small. The actor that read it already used the text.
     */
    public java.util.function.UnaryOperator<dev.fameharness.agent.Observation> recorder() {
        return o -> {
            if (o.error() || o.isReference()) {
                return o;
            }
            long bytes = o.content().getBytes(StandardCharsets.UTF_8).length;
            if (ArtifactRefs.READ_TOOL.equals(o.tool()) || bytes > thresholdBytes) {
                return new dev.fameharness.agent.Observation(o.tool(), o.arguments(),
                        "[read " + bytes + " bytes; not kept in the working state, read again with the same arguments]",
                        "", false);
            }
            return o;
        };
    }

    /** Lines starting with '#' are headings; each part runs from its heading to the next one. */
    static String outline(String ref, String content) {
        StringBuilder sb = new StringBuilder("Parts (read one with read_artifact {\"ref\":\"" + ref
                + "\",\"offset\":O,\"length\":L}):\n");
        byte[] all = content.getBytes(StandardCharsets.UTF_8);
        List<long[]> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        long pos = 0;
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("#")) {
                starts.add(new long[] {pos});
                titles.add(line.replaceFirst("^#+\\s*", ""));
            }
            pos += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (starts.isEmpty()) {
            sb.append("- offset=0 length=").append(all.length).append(": whole content\n");
            return sb.toString();
        }
        for (int i = 0; i < starts.size(); i++) {
            long from = starts.get(i)[0];
            long to = i + 1 < starts.size() ? starts.get(i + 1)[0] : all.length;
            sb.append("- offset=").append(from).append(" length=").append(to - from).append(": ")
                    .append(titles.get(i)).append('\n');
        }
        return sb.toString();
    }
}
