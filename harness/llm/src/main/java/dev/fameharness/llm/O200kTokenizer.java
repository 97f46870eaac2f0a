package dev.fameharness.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;

/**
 * Counts tokens with {@code o200k_base}, GPT-4o-mini's encoding (jtokkit), and counts a whole chat request
 * the way OpenAI bills its prompt.
 *
 * <p>Messages follow the OpenAI cookbook, "How to count tokens with tiktoken" (gpt-4o / gpt-4o-mini rules):
 * every message costs {@value #TOKENS_PER_MESSAGE} tokens of framing plus the tokens of each of its values
 * (the role and the content), a {@code name} costs its tokens plus {@value #TOKENS_PER_NAME}, and every
 * request costs {@value #REPLY_PRIMING_TOKENS} more for the priming of the reply
 * ({@code <|start|>assistant<|message|>}).
 *
 * <p>Two parts are not documented by OpenAI and are approximated, on purpose in the simplest way that counts
 * the real bytes sent:
 * <ul>
 *   <li><b>Tool definitions.</b> OpenAI renders the {@code tools} field into the prompt in an internal format
 *       that is not public. We count the tokens of each tool's JSON definition exactly as the API receives it
 *       ({@link ToolJson}); the cookbook's own estimate for tools uses fitted constants instead.</li>
 *   <li><b>Tool calls and results.</b> An assistant message that calls tools counts each call's function name
 *       and JSON arguments; a tool-result message counts like any message (role {@code tool} plus its
 *       content). Call ids are routing data and are not counted.</li>
 * </ul>
 * Text is encoded as ordinary text: special-token strings such as {@code <|endoftext|>} in a paper count as
 * the characters they are, as in the API. Thread-safe.
 */
public final class O200kTokenizer {

    /** Framing tokens of every message (cookbook, gpt-4o family). */
    public static final int TOKENS_PER_MESSAGE = 3;

    /** Extra token for a message carrying a {@code name} (cookbook). */
    public static final int TOKENS_PER_NAME = 1;

    /** Tokens that prime the assistant's reply, once per request (cookbook). */
    public static final int REPLY_PRIMING_TOKENS = 3;

    private static final O200kTokenizer INSTANCE = new O200kTokenizer();

    /** Texts shorter than this are encoded directly: looking them up would cost more than encoding them. */
    static final int MEMO_MIN_CHARS = 256;

    /** Characters of segment text the memo holds at most (about 2 bytes of heap per character with its tokens). */
    private static final long MEMO_MAX_CHARS = 96L << 20;

    private final Encoding encoding;

    /**
     * Tokens of text segments already encoded. Long prompts repeat most of their text (the same paper sections,
     * the same transcript one turn longer, the same prompts in every rerun of a sensitivity level), and BPE is
     * the costliest step of a simulated call. A pure function's cache: what it holds never changes a count, only
     * how fast it is found (see {@link #segments}).
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, int[]> memo =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(MEMO_MAX_CHARS)
                    .weigher((String k, int[] v) -> k.length()).build();

    private O200kTokenizer() {
        this.encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** The shared instance (loading the encoding takes a moment; the encoding is immutable). */
    public static O200kTokenizer instance() {
        return INSTANCE;
    }

    /** The encoding's name ({@code o200k_base}). */
    public String encodingName() {
        return encoding.getName();
    }

    /** Tokens of a text (0 for null or empty). */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() < MEMO_MIN_CHARS) {
            return encoding.countTokensOrdinary(text);
        }
        int n = 0;
        for (String segment : segments(text)) {
            n += tokensOf(segment).length;
        }
        return n;
    }

    /**
     * Splits a text where o200k's pre-tokenizer always starts a new piece, so that the text's tokens are exactly its
     * segments' tokens one after another: after a line break, before a letter, a digit or printable ASCII other than
     * the slash. No piece of the o200k pattern holds a line break and then such a character: word pieces admit no
     * line break before their letters, number pieces hold digits only, punctuation pieces end in line breaks or
     * slashes (hence the slash is excluded), whitespace pieces hold whitespace only; and BPE never merges across
     * pieces. Segments are at least {@link #MEMO_MIN_CHARS} long (the last one aside). {@code O200kSegmentsTest}
     * checks the identity on every paper and log of the shared data and on random texts of tricky characters.
     */
    static List<String> segments(String text) {
        List<String> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i - 1) == '\n' && i - start >= MEMO_MIN_CHARS && startsPiece(text.codePointAt(i))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** Whether a character after a line break always starts a new pre-tokenizer piece (see {@link #segments}). */
    private static boolean startsPiece(int c) {
        return Character.isLetterOrDigit(c) || (c > ' ' && c < 0x7f && c != '/');
    }

    /** The tokens of one segment, from the memo when it is long enough to be worth keeping. */
    private int[] tokensOf(String segment) {
        if (segment.length() < MEMO_MIN_CHARS) {
            return encoding.encodeOrdinary(segment).toArray();
        }
        return memo.get(segment, k -> encoding.encodeOrdinary(k).toArray());
    }

    /** Cuts a text to at most {@code maxTokens} tokens, on a token boundary. */
    public String truncate(String text, int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, was " + maxTokens);
        }
        if (text == null || text.isEmpty()) {
            return "";
        }
        var result = encoding.encodeOrdinary(text, maxTokens);
        return result.isTruncated() ? encoding.decode(result.getTokens()) : text;
    }

    /** Tokens of one message, framing included, reply priming excluded. */
    public int countMessage(ChatMessage message) {
        int tokens = TOKENS_PER_MESSAGE + count(ChatMessages.role(message)) + count(ChatMessages.text(message));
        String name = ChatMessages.name(message);
        if (!name.isEmpty()) {
            tokens += count(name) + TOKENS_PER_NAME;
        }
        tokens += countToolCalls(ChatMessages.toolCalls(message));
        return tokens;
    }

    /** Tokens of a list of messages as one prompt: every message plus the reply priming. */
    public int countMessages(List<ChatMessage> messages) {
        int tokens = REPLY_PRIMING_TOKENS;
        for (ChatMessage m : messages) {
            tokens += countMessage(m);
        }
        return tokens;
    }

    /** Tokens of tool calls: function name plus JSON arguments of each (the text the model generates). */
    public int countToolCalls(List<ToolExecutionRequest> calls) {
        int tokens = 0;
        for (ToolExecutionRequest call : calls) {
            tokens += count(call.name()) + count(call.arguments());
        }
        return tokens;
    }

    /** Tokens of tool definitions, counted on the JSON the API receives (see class comment). */
    public int countTools(List<ToolSpecification> tools) {
        int tokens = 0;
        for (ToolSpecification tool : tools) {
            tokens += count(ToolJson.toJson(tool));
        }
        return tokens;
    }

    /**
     * The request's prompt as one token sequence, in the order a provider's prefix cache sees it: the tool
     * definitions first (OpenAI renders them ahead of the messages), then every message (framing, role, name,
     * content, tool calls), then the reply priming. Framing and priming are stood for by fixed ids outside the
     * vocabulary. Its length is {@link #countRequest}.
     */
    public int[] promptTokens(ChatRequest request) {
        com.knuddels.jtokkit.api.IntArrayList out = new com.knuddels.jtokkit.api.IntArrayList();
        List<ToolSpecification> tools = request.toolSpecifications();
        if (tools != null) {
            for (ToolSpecification tool : tools) {
                append(out, ToolJson.toJson(tool));
            }
        }
        for (ChatMessage m : request.messages()) {
            for (int i = 0; i < TOKENS_PER_MESSAGE; i++) {
                out.add(FRAMING_TOKEN);
            }
            append(out, ChatMessages.role(m));
            append(out, ChatMessages.text(m));
            String name = ChatMessages.name(m);
            if (!name.isEmpty()) {
                append(out, name);
                for (int i = 0; i < TOKENS_PER_NAME; i++) {
                    out.add(FRAMING_TOKEN);
                }
            }
            for (ToolExecutionRequest call : ChatMessages.toolCalls(m)) {
                append(out, call.name());
                append(out, call.arguments());
            }
        }
        for (int i = 0; i < REPLY_PRIMING_TOKENS; i++) {
            out.add(FRAMING_TOKEN);
        }
        return out.toArray();
    }

    /** The id standing for a framing or priming token in {@link #promptTokens} (outside o200k's vocabulary). */
    static final int FRAMING_TOKEN = -1;

    private void append(com.knuddels.jtokkit.api.IntArrayList out, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String segment : segments(text)) {
            for (int token : tokensOf(segment)) {
                out.add(token);
            }
        }
    }

    /** Input tokens of a whole request as billed: messages, reply priming and tool definitions. */
    public int countRequest(ChatRequest request) {
        List<ToolSpecification> tools = request.toolSpecifications();
        return countMessages(request.messages()) + (tools == null ? 0 : countTools(tools));
    }
}
