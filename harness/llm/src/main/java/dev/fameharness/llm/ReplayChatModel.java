package dev.fameharness.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Record and replay of any model's responses, so that a run against a real model can be repeated offline and
 * byte for byte.
 *
 * <ul>
 *   <li><b>record</b> ({@link #record}): forwards each request to the wrapped model and stores its response in
 *       {@code <dir>/<key>.json}, written atomically (temporary file, then move). An existing recording for the
 *       same key is replaced.</li>
 *   <li><b>replay</b> ({@link #replay}): answers from the directory without any network; a request with no
 *       recording fails with {@link ReplayMissException}.</li>
 * </ul>
 * The key is the SHA-256 of a canonical JSON serialisation of the request as the caller built it
 * ({@link #canonicalRequest}): messages (role, text, name, tool calls with ids, tool-result ids), tool definitions
 * (as the OpenAI API receives them) and the parameters the caller set (model name, temperature, max output tokens,
 * tool choice, ...), with object keys sorted. The wrapped model's own configuration (its default model name or
 * temperature) is not part of the key: keep one directory per model configuration. Stored: the answer's text,
 * tool calls (id, name, arguments), token usage (input, output, total and, when the provider reported it, cached
 * input) and finish reason; metering is left to a {@link MeteredChatModel} around this one.
 */
public final class ReplayChatModel implements ChatModel {

    /** Bumped when the canonical form changes, so that old recordings miss instead of answering wrongly. */
    static final String FORMAT = "fame-replay-v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final ChatModel delegate;
    private final Path dir;

    private ReplayChatModel(ChatModel delegate, Path dir) {
        this.delegate = delegate;
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Record mode: forwards to {@code delegate} and stores every response in {@code dir} (created if needed). */
    public static ReplayChatModel record(ChatModel delegate, Path dir) {
        Objects.requireNonNull(delegate, "delegate");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create recording directory " + dir, e);
        }
        return new ReplayChatModel(delegate, dir);
    }

    /** Replay mode: answers only from recordings in {@code dir}. */
    public static ReplayChatModel replay(Path dir) {
        return new ReplayChatModel(null, dir);
    }

    public boolean isRecording() {
        return delegate != null;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String key = key(request);
        Path file = dir.resolve(key + ".json");
        if (delegate == null) {
            if (!Files.isRegularFile(file)) {
                throw new ReplayMissException(key, dir);
            }
            return read(file);
        }
        ChatResponse response = delegate.chat(request);
        write(file, key, request, response);
        return response;
    }

    /** The request's key: SHA-256 (hex) of {@link #FORMAT} and its canonical serialisation. */
    public static String key(ChatRequest request) {
        return SimulatedChatModel.sha256Hex(FORMAT + "\n" + canonicalRequest(request));
    }

    /** The canonical JSON of a request: everything that can change the answer, keys sorted. */
    public static String canonicalRequest(ChatRequest request) {
        Map<String, Object> root = new TreeMap<>();
        List<Object> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            Map<String, Object> node = new TreeMap<>();
            node.put("role", ChatMessages.role(m));
            node.put("text", ChatMessages.text(m));
            putIfNotEmpty(node, "name", ChatMessages.name(m));
            List<Object> calls = new ArrayList<>();
            for (ToolExecutionRequest call : ChatMessages.toolCalls(m)) {
                calls.add(call(call));
            }
            if (!calls.isEmpty()) {
                node.put("toolCalls", calls);
            }
            if (m instanceof ToolExecutionResultMessage r) {
                putIfNotNull(node, "toolCallId", r.id());
                putIfNotNull(node, "toolName", r.toolName());
                putIfNotNull(node, "isError", r.isError());
            }
            messages.add(node);
        }
        root.put("messages", messages);
        List<ToolSpecification> tools = request.toolSpecifications();
        root.put("tools", tools == null ? List.of() : ToolJson.toMaps(tools));
        Map<String, Object> params = new TreeMap<>();
        putIfNotNull(params, "modelName", request.modelName());
        putIfNotNull(params, "temperature", request.temperature());
        putIfNotNull(params, "topP", request.topP());
        putIfNotNull(params, "topK", request.topK());
        putIfNotNull(params, "frequencyPenalty", request.frequencyPenalty());
        putIfNotNull(params, "presencePenalty", request.presencePenalty());
        putIfNotNull(params, "maxOutputTokens", request.maxOutputTokens());
        if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
            params.put("stopSequences", request.stopSequences());
        }
        putIfNotNull(params, "toolChoice", request.toolChoice() == null ? null : request.toolChoice().name());
        putIfNotNull(params, "responseFormat", request.responseFormat() == null ? null : request.responseFormat().toString());
        root.put("parameters", params);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise request for its replay key", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> call(ToolExecutionRequest call) {
        Map<String, Object> c = new TreeMap<>();
        putIfNotNull(c, "id", call.id());
        putIfNotNull(c, "name", call.name());
        putIfNotNull(c, "arguments", call.arguments());
        return c;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private void write(Path file, String key, ChatRequest request, ChatResponse response) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("key", key);
        ObjectNode r = root.putObject("response");
        AiMessage ai = response.aiMessage();
        r.put("id", response.id());
        r.put("modelName", response.modelName());
        r.put("text", ai.text());
        ArrayNode calls = r.putArray("toolExecutionRequests");
        if (ai.hasToolExecutionRequests()) {
            for (ToolExecutionRequest c : ai.toolExecutionRequests()) {
                calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.arguments());
            }
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            ObjectNode u = r.putObject("tokenUsage");
            u.put("input", usage.inputTokenCount());
            u.put("output", usage.outputTokenCount());
            u.put("total", usage.totalTokenCount());
            if (usage instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null
                    && o.inputTokensDetails().cachedTokens() != null) {
                u.put("cachedInput", o.inputTokensDetails().cachedTokens());
            }
        }
        r.put("finishReason", response.finishReason() == null ? null : response.finishReason().name());
        try {
            root.set("request", JSON.readTree(canonicalRequest(request)));
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording " + file, e);
        }
    }

    private static ChatResponse read(Path file) {
        JsonNode r;
        try {
            r = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("response");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + file, e);
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode c : r.path("toolExecutionRequests")) {
            calls.add(ToolExecutionRequest.builder()
                    .id(text(c, "id")).name(text(c, "name")).arguments(text(c, "arguments")).build());
        }
        AiMessage.Builder ai = AiMessage.builder().text(text(r, "text"));
        if (!calls.isEmpty()) {
            ai.toolExecutionRequests(calls);
        }
        ChatResponse.Builder b = ChatResponse.builder()
                .aiMessage(ai.build())
                .id(text(r, "id"))
                .modelName(text(r, "modelName"));
        JsonNode u = r.path("tokenUsage");
        if (u.isObject()) {
            Integer in = integer(u, "input");
            Integer out = integer(u, "output");
            Integer total = integer(u, "total");
            Integer cached = integer(u, "cachedInput");
            b.tokenUsage(cached == null ? new TokenUsage(in, out, total) : OpenAiTokenUsage.builder()
                    .inputTokenCount(in).outputTokenCount(out).totalTokenCount(total)
                    .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(cached).build())
                    .build());
        }
        String finish = text(r, "finishReason");
        if (finish != null) {
            b.finishReason(FinishReason.valueOf(finish));
        }
        return b.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.intValue();
    }
}
