package dev.fameharness.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Step Functions intrinsic functions ("Intrinsic functions for JSONPath paths" in the developer guide),
 * evaluated in payload templates. Arguments are string literals in single quotes (escapes {@code \'},
 * {@code \{}, {@code \}}, {@code \\}), numbers, {@code null}, {@code true}/{@code false}, paths and nested
 * calls. Non-deterministic functions ({@code States.UUID}, {@code States.MathRandom}) draw from the
 * calling clock process's seeded random stream, so a virtual-clock run stays reproducible.
 */
final class Intrinsics {

    /** Markers for the escaped braces of a string literal, so States.Format tells them from {}. */
    private static final char ESCAPED_OPEN = '\u0001';
    private static final char ESCAPED_CLOSE = '\u0002';

    private final Supplier<RandomGenerator> random;

    Intrinsics(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    JsonNode evaluate(String expression, JsonNode input, JsonNode context, String where) {
        Parser p = new Parser(expression, where);
        Call call = p.call();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw p.fail("unexpected text after the closing parenthesis");
        }
        return apply(call, input, context, where);
    }

    private JsonNode apply(Call call, JsonNode input, JsonNode context, String where) {
        List<JsonNode> args = new ArrayList<>();
        for (Object a : call.args) {
            if (a instanceof Call nested) {
                args.add(apply(nested, input, context, where));
            } else if (a instanceof PathArg path) {
                args.add(JsonData.read(path.path, input, context, StatesError.RUNTIME, where));
            } else if (a instanceof JsonNode text && text.isTextual() && !(args.isEmpty()
                    && "States.Format".equals(call.name))) {
                args.add(JsonData.NODES.textNode(unmark(text.asText())));
            } else {
                args.add((JsonNode) a);
            }
        }
        String fn = call.name;
        try {
            return switch (fn) {
                case "States.Format" -> format(args, where);
                case "States.StringToJson" -> JsonData.parse(text(args, 0, fn), fn + " argument");
                case "States.JsonToString" -> JsonData.NODES.textNode(JsonData.write(arg(args, 0, fn)));
                case "States.Array" -> {
                    ArrayNode out = JsonData.NODES.arrayNode();
                    args.forEach(out::add);
                    yield out;
                }
                case "States.ArrayPartition" -> partition(args, fn);
                case "States.ArrayContains" -> {
                    arity(args, 2, fn);
                    ArrayNode arr = array(args, 0, fn);
                    boolean found = false;
                    for (JsonNode n : arr) {
                        found |= n.equals(args.get(1));
                    }
                    yield JsonData.NODES.booleanNode(found);
                }
                case "States.ArrayRange" -> range(args, fn);
                case "States.ArrayGetItem" -> {
                    arity(args, 2, fn);
                    ArrayNode arr = array(args, 0, fn);
                    int index = integer(args, 1, fn);
                    if (index < 0 || index >= arr.size()) {
                        throw new StatesError(StatesError.INTRINSIC_FAILURE, where + ": " + fn + " index " + index
                                + " is out of bounds for an array of " + arr.size());
                    }
                    yield arr.get(index);
                }
                case "States.ArrayLength" -> {
                    arity(args, 1, fn);
                    yield JsonData.NODES.numberNode(array(args, 0, fn).size());
                }
                case "States.ArrayUnique" -> {
                    arity(args, 1, fn);
                    Set<JsonNode> seen = new LinkedHashSet<>();
                    array(args, 0, fn).forEach(seen::add);
                    ArrayNode out = JsonData.NODES.arrayNode();
                    seen.forEach(out::add);
                    yield out;
                }
                case "States.Base64Encode" -> JsonData.NODES.textNode(Base64.getEncoder()
                        .encodeToString(text(args, 0, fn).getBytes(StandardCharsets.UTF_8)));
                case "States.Base64Decode" -> JsonData.NODES.textNode(new String(Base64.getDecoder()
                        .decode(text(args, 0, fn)), StandardCharsets.UTF_8));
                case "States.Hash" -> hash(args, fn);
                case "States.JsonMerge" -> merge(args, fn);
                case "States.MathRandom" -> {
                    int start = integer(args, 0, fn);
                    int end = integer(args, 1, fn);
                    if (end <= start) {
                        throw new StatesError(StatesError.INTRINSIC_FAILURE, where + ": " + fn + " needs start < end");
                    }
                    yield JsonData.NODES.numberNode(random.get().nextInt(start, end));
                }
                case "States.MathAdd" -> {
                    arity(args, 2, fn);
                    yield JsonData.NODES.numberNode(integer(args, 0, fn) + integer(args, 1, fn));
                }
                case "States.StringSplit" -> {
                    arity(args, 2, fn);
                    String s = text(args, 0, fn);
                    String delimiters = text(args, 1, fn);
                    ArrayNode out = JsonData.NODES.arrayNode();
                    StringBuilder cur = new StringBuilder();
                    for (char c : s.toCharArray()) {
                        if (delimiters.indexOf(c) >= 0) {
                            if (cur.length() > 0) {
                                out.add(cur.toString());
                            }
                            cur.setLength(0);
                        } else {
                            cur.append(c);
                        }
                    }
                    if (cur.length() > 0) {
                        out.add(cur.toString());
                    }
                    yield out;
                }
                case "States.UUID" -> {
                    arity(args, 0, fn);
                    RandomGenerator r = random.get();
                    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
                    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                    yield JsonData.NODES.textNode(new UUID(msb, lsb).toString());
                }
                default -> throw new StatesError(StatesError.INTRINSIC_FAILURE, where + ": unknown intrinsic function "
                        + fn);
            };
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StatesError(StatesError.INTRINSIC_FAILURE, where + ": " + fn + " failed: " + e.getMessage());
        }
    }

    private static JsonNode format(List<JsonNode> args, String where) {
        if (args.isEmpty() || !args.get(0).isTextual()) {
            throw new StatesError(StatesError.INTRINSIC_FAILURE, where + ": States.Format needs a template string");
        }
        String template = args.get(0).asText();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw new StatesError(StatesError.INTRINSIC_FAILURE, where
                            + ": States.Format has more {} than arguments");
                }
                JsonNode v = args.get(next++);
                if (v.isObject() || v.isArray()) {
                    throw new StatesError(StatesError.INTRINSIC_FAILURE, where
                            + ": States.Format arguments must be strings, numbers, booleans or null");
                }
                out.append(v.isTextual() ? v.asText() : JsonData.write(v));
                i++;
            } else if (c == ESCAPED_OPEN || c == ESCAPED_CLOSE) {
                out.append(c == ESCAPED_OPEN ? '{' : '}');
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw new StatesError(StatesError.INTRINSIC_FAILURE, where
                    + ": States.Format has fewer {} than arguments");
        }
        return JsonData.NODES.textNode(out.toString());
    }

    private static JsonNode partition(List<JsonNode> args, String fn) {
        arity(args, 2, fn);
        ArrayNode arr = array(args, 0, fn);
        int size = integer(args, 1, fn);
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be > 0");
        }
        ArrayNode out = JsonData.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < arr.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(arr.get(i));
        }
        return out;
    }

    private static JsonNode range(List<JsonNode> args, String fn) {
        arity(args, 3, fn);
        int start = integer(args, 0, fn);
        int end = integer(args, 1, fn);
        int step = integer(args, 2, fn);
        if (step == 0) {
            throw new IllegalArgumentException("step must not be 0");
        }
        ArrayNode out = JsonData.NODES.arrayNode();
        for (int v = start; step > 0 ? v <= end : v >= end; v += step) {
            out.add(v);
            if (out.size() > 1000) {
                throw new IllegalArgumentException("at most 1000 items");
            }
        }
        return out;
    }

    private static JsonNode hash(List<JsonNode> args, String fn) {
        arity(args, 2, fn);
        String algorithm = switch (text(args, 1, fn)) {
            case "MD5" -> "MD5";
            case "SHA-1" -> "SHA-1";
            case "SHA-256" -> "SHA-256";
            case "SHA-384" -> "SHA-384";
            case "SHA-512" -> "SHA-512";
            default -> throw new IllegalArgumentException("algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        };
        JsonNode data = args.get(0);
        String s = data.isTextual() ? data.asText() : JsonData.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
            return JsonData.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode merge(List<JsonNode> args, String fn) {
        arity(args, 3, fn);
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw new IllegalArgumentException("both arguments must be JSON objects");
        }
        if (args.get(2).asBoolean(true)) {
            throw new IllegalArgumentException("only shallow merges (false) are supported, as in Step Functions");
        }
        ObjectNode out = args.get(0).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = args.get(1).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String unmark(String s) {
        return s.replace(ESCAPED_OPEN, '{').replace(ESCAPED_CLOSE, '}');
    }

    private static void arity(List<JsonNode> args, int n, String fn) {
        if (args.size() != n) {
            throw new IllegalArgumentException(fn + " takes " + n + " argument(s), got " + args.size());
        }
    }

    private static JsonNode arg(List<JsonNode> args, int i, String fn) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(fn + " is missing argument " + (i + 1));
        }
        return args.get(i);
    }

    private static String text(List<JsonNode> args, int i, String fn) {
        JsonNode n = arg(args, i, fn);
        if (!n.isTextual()) {
            throw new IllegalArgumentException(fn + " argument " + (i + 1) + " must be a string, was " + n);
        }
        return n.asText();
    }

    private static ArrayNode array(List<JsonNode> args, int i, String fn) {
        JsonNode n = arg(args, i, fn);
        if (!n.isArray()) {
            throw new IllegalArgumentException(fn + " argument " + (i + 1) + " must be an array, was "
                    + JsonData.abbreviate(JsonData.write(n)));
        }
        return (ArrayNode) n;
    }

    private static int integer(List<JsonNode> args, int i, String fn) {
        JsonNode n = arg(args, i, fn);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(fn + " argument " + (i + 1) + " must be a number, was " + n);
        }
        BigDecimal d = n.decimalValue();
        return d.setScale(0, java.math.RoundingMode.DOWN).intValueExact();
    }

    // ------------------------------------------------------------------------------------------------

    private record Call(String name, List<Object> args) {
    }

    private record PathArg(String path) {
    }

    private static final class Parser {
        private final String s;
        private final String where;
        private int i;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        StatesError fail(String why) {
            return new StatesError(StatesError.INTRINSIC_FAILURE, where + ": cannot parse intrinsic function '" + s
                    + "' at position " + i + ": " + why);
        }

        Call call() {
            skipSpaces();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String name = s.substring(start, i);
            skipSpaces();
            if (i >= s.length() || s.charAt(i) != '(') {
                throw fail("expected '(' after " + name);
            }
            i++;
            List<Object> args = new ArrayList<>();
            skipSpaces();
            if (i < s.length() && s.charAt(i) == ')') {
                i++;
                return new Call(name, args);
            }
            while (true) {
                args.add(argument());
                skipSpaces();
                if (i >= s.length()) {
                    throw fail("missing ')'");
                }
                char c = s.charAt(i++);
                if (c == ')') {
                    return new Call(name, args);
                }
                if (c != ',') {
                    throw fail("expected ',' or ')'");
                }
            }
        }

        Object argument() {
            skipSpaces();
            if (i >= s.length()) {
                throw fail("missing argument");
            }
            char c = s.charAt(i);
            if (c == '\'') {
                return JsonData.NODES.textNode(string());
            }
            if (c == '$') {
                return new PathArg(path());
            }
            if (s.startsWith("States.", i)) {
                return call();
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ')') {
                i++;
            }
            String literal = s.substring(start, i).trim();
            switch (literal) {
                case "null":
                    return NullNode.getInstance();
                case "true":
                    return JsonData.NODES.booleanNode(true);
                case "false":
                    return JsonData.NODES.booleanNode(false);
                default:
                    try {
                        return JsonData.NODES.numberNode(new BigDecimal(literal));
                    } catch (NumberFormatException e) {
                        throw fail("'" + literal + "' is not a string, number, null, boolean, path or function");
                    }
            }
        }

        String string() {
            i++; // opening quote
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    char next = s.charAt(i++);
                    if (next == '{' || next == '}') {
                        // keep the escape so States.Format can tell a literal brace from a placeholder
                        out.append(next == '{' ? ESCAPED_OPEN : ESCAPED_CLOSE);
                    } else {
                        out.append(next);
                    }
                } else if (c == '\'') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            throw fail("unterminated string");
        }

        String path() {
            int start = i;
            int depth = 0;
            char quote = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
                i++;
            }
            return s.substring(start, i).trim();
        }
    }
}
