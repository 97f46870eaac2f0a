package dev.fameharness.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Choice state rules ("Choice workflow state" in the developer guide): the comparison operators on
 * strings, numbers, booleans and timestamps (each with its {@code ...Path} variant), {@code StringMatches},
 * the type tests {@code IsPresent}, {@code IsNull}, {@code IsString}, {@code IsNumeric},
 * {@code IsBoolean}, {@code IsTimestamp}, and the combinators {@code And}, {@code Or}, {@code Not}.
 * A comparison between values of different types is false, as in Step Functions; a {@code Variable}
 * that selects nothing is a {@code States.Runtime} error except under {@code IsPresent}.
 */
final class ChoiceRules {

    static final List<String> OPERATORS = List.of(
            "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
            "StringMatches",
            "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals",
            "NumericGreaterThanEquals",
            "BooleanEquals",
            "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals",
            "TimestampGreaterThanEquals",
            "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private ChoiceRules() {
    }

    /** The comparison operator field of a rule (with or without {@code Path}), if any. */
    static Optional<String> operator(JsonNode rule) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String base = name.endsWith("Path") ? name.substring(0, name.length() - 4) : name;
            if (OPERATORS.contains(base) && !(name.endsWith("Path") && base.startsWith("Is"))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context, String where) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context, where)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context, where)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context, where);
        }
        String op = operator(rule).orElseThrow(() -> new StatesError(StatesError.RUNTIME, where
                + ": a Choice rule has no comparison operator: " + rule));
        String variable = rule.path("Variable").asText();
        if (op.equals("IsPresent")) {
            return JsonData.present(variable, input, context) == rule.get(op).asBoolean();
        }
        JsonNode value = JsonData.read(variable, input, context, StatesError.RUNTIME,
                where + " (Choice Variable " + variable + ")");
        JsonNode expected = rule.get(op);
        if (op.endsWith("Path")) {
            op = op.substring(0, op.length() - 4);
            expected = JsonData.read(expected.asText(), input, context, StatesError.RUNTIME,
                    where + " (Choice " + op + "Path)");
        }
        switch (op) {
            case "IsNull":
                return value.isNull() == expected.asBoolean();
            case "IsNumeric":
                return value.isNumber() == expected.asBoolean();
            case "IsString":
                return value.isTextual() == expected.asBoolean();
            case "IsBoolean":
                return value.isBoolean() == expected.asBoolean();
            case "IsTimestamp":
                return (value.isTextual() && timestamp(value.asText()).isPresent()) == expected.asBoolean();
            case "StringMatches":
                return value.isTextual() && expected.isTextual() && wildcard(value.asText(), expected.asText());
            case "BooleanEquals":
                return value.isBoolean() && expected.isBoolean() && value.asBoolean() == expected.asBoolean();
            default:
                break;
        }
        Integer cmp = null;
        if (op.startsWith("String") && value.isTextual() && expected.isTextual()) {
            cmp = value.asText().compareTo(expected.asText());
        } else if (op.startsWith("Numeric") && value.isNumber() && expected.isNumber()) {
            cmp = value.decimalValue().compareTo(expected.decimalValue());
        } else if (op.startsWith("Timestamp") && value.isTextual() && expected.isTextual()) {
            Optional<OffsetDateTime> a = timestamp(value.asText());
            Optional<OffsetDateTime> b = timestamp(expected.asText());
            if (a.isPresent() && b.isPresent()) {
                cmp = a.get().toInstant().compareTo(b.get().toInstant());
            }
        }
        if (cmp == null) {
            return false;
        }
        if (op.endsWith("GreaterThanEquals")) {
            return cmp >= 0;
        }
        if (op.endsWith("LessThanEquals")) {
            return cmp <= 0;
        }
        if (op.endsWith("GreaterThan")) {
            return cmp > 0;
        }
        if (op.endsWith("LessThan")) {
            return cmp < 0;
        }
        return cmp == 0;
    }

    static Optional<OffsetDateTime> timestamp(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
    static boolean wildcard(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches("(?s)" + regex);
    }

}
