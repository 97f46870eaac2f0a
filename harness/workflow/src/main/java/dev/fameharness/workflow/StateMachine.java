package dev.fameharness.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and validated ASL state machine (or a Parallel branch, or a Map's ItemProcessor): its start
 * state and its states in definition order. {@link #parse} rejects what Step Functions would reject at
 * CreateStateMachine, naming the state and field: a missing or unknown {@code StartAt}, a {@code Next} or
 * {@code Default} that names no state, a non-terminal state without {@code Next}, a state with both
 * {@code Next} and {@code End}, unknown state types, malformed retriers and catchers, unreachable states.
 */
record StateMachine(String startAt, Map<String, JsonNode> states, JsonNode timeoutSeconds) {

    static final Set<String> TYPES = Set.of("Task", "Choice", "Pass", "Wait", "Succeed", "Fail", "Parallel", "Map");

    StateMachine {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    JsonNode state(String name) {
        JsonNode s = states.get(name);
        if (s == null) {
            throw new IllegalStateException("no state " + name + " (validated definitions never get here)");
        }
        return s;
    }

    static StateMachine parse(String workflow, String json) {
        JsonNode root;
        try {
            root = JsonData.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("workflow '" + workflow + "': the definition is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("workflow '" + workflow + "': the definition must be a JSON object");
        }
        return of(root, "workflow '" + workflow + "'");
    }

    /** Builds and validates a machine from its JSON; {@code where} prefixes error messages. */
    static StateMachine of(JsonNode root, String where) {
        new Validator(where).machine(root, "");
        return unchecked(root);
    }

    /** Builds a machine from JSON already validated as part of its parent. */
    static StateMachine unchecked(JsonNode root) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        root.get("States").fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue()));
        return new StateMachine(root.get("StartAt").asText(), states, root.path("TimeoutSeconds"));
    }

    // ------------------------------------------------------------------------------------------------

    private static final class Validator {
        private final String where;

        Validator(String where) {
            this.where = where;
        }

        private ConfigException error(String path, String message) {
            return new ConfigException(where + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        void machine(JsonNode root, String path) {
            String p = path.isEmpty() ? "" : path;
            JsonNode states = root.get("States");
            if (states == null || !states.isObject() || states.isEmpty()) {
                throw error(p, "field 'States' must be a non-empty object");
            }
            JsonNode startAt = root.get("StartAt");
            if (startAt == null || !startAt.isTextual()) {
                throw error(p, "field 'StartAt' is required and must name a state");
            }
            if (!states.has(startAt.asText())) {
                throw error(p, "field 'StartAt' names '" + startAt.asText() + "', which is not a state (states: "
                        + names(states) + ")");
            }
            JsonNode timeout = root.get("TimeoutSeconds");
            if (timeout != null && (!timeout.canConvertToLong() || timeout.asLong() <= 0)) {
                throw error(p, "field 'TimeoutSeconds' must be a positive integer");
            }
            Iterator<Map.Entry<String, JsonNode>> it = states.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                state(e.getKey(), e.getValue(), states, p + (p.isEmpty() ? "" : ".") + "States." + e.getKey());
            }
            reachability(startAt.asText(), states, p);
            boolean terminal = false;
            for (JsonNode s : states) {
                String type = s.path("Type").asText();
                terminal |= s.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            }
            if (!terminal) {
                throw error(p, "no terminal state (a state with \"End\": true, a Succeed or a Fail state)");
            }
        }

        private void state(String name, JsonNode s, JsonNode states, String path) {
            if (name.isEmpty() || name.length() > 80) {
                throw error(path, "state names must be 1-80 characters");
            }
            if (!s.isObject()) {
                throw error(path, "a state must be a JSON object");
            }
            String type = s.path("Type").asText("");
            if (!TYPES.contains(type)) {
                throw error(path, "field 'Type' must be one of " + new java.util.TreeSet<>(TYPES) + ", was '"
                        + s.path("Type").asText("") + "'");
            }
            boolean terminalType = type.equals("Succeed") || type.equals("Fail");
            if (type.equals("Choice") || terminalType) {
                if (s.has("Next") || s.has("End")) {
                    throw error(path, "a " + type + " state must not have 'Next' or 'End'");
                }
            } else {
                boolean end = s.path("End").asBoolean(false);
                if (s.has("Next") && end) {
                    throw error(path, "fields 'Next' and 'End' are mutually exclusive");
                }
                if (!s.has("Next") && !end) {
                    throw error(path, "a " + type + " state needs 'Next' or \"End\": true");
                }
                if (s.has("Next")) {
                    target(s.get("Next"), states, path + ".Next");
                }
            }
            for (String field : List.of("InputPath", "OutputPath")) {
                if (s.has(field) && !s.get(field).isNull() && !s.get(field).asText().startsWith("$")) {
                    throw error(path + "." + field, "must be a path starting with $ or null");
                }
            }
            if (s.has("ResultPath") && !s.get("ResultPath").isNull()) {
                String rp = s.get("ResultPath").asText();
                try {
                    JsonData.referencePath(rp, StatesError.RUNTIME, "");
                } catch (StatesError e) {
                    throw error(path + ".ResultPath", "'" + rp + "' is not a reference path");
                }
            }
            switch (type) {
                case "Task" -> task(s, path);
                case "Choice" -> choice(s, states, path);
                case "Wait" -> {
                    int n = 0;
                    for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
                        n += s.has(f) ? 1 : 0;
                    }
                    if (n != 1) {
                        throw error(path, "a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, "
                                + "TimestampPath");
                    }
                    if (s.has("Seconds") && (!s.get("Seconds").canConvertToLong() || s.get("Seconds").asLong() < 0)) {
                        throw error(path + ".Seconds", "must be a non-negative integer");
                    }
                }
                case "Parallel" -> {
                    JsonNode branches = s.get("Branches");
                    if (branches == null || !branches.isArray() || branches.isEmpty()) {
                        throw error(path, "field 'Branches' must be a non-empty array");
                    }
                    for (int i = 0; i < branches.size(); i++) {
                        machine(branches.get(i), path + ".Branches[" + i + "]");
                    }
                }
                case "Map" -> map(s, path);
                default -> {
                }
            }
            if (s.has("Retry")) {
                if (!(type.equals("Task") || type.equals("Parallel") || type.equals("Map"))) {
                    throw error(path, "field 'Retry' is only allowed in Task, Parallel and Map states");
                }
                retriers(s.get("Retry"), path + ".Retry");
            }
            if (s.has("Catch")) {
                if (!(type.equals("Task") || type.equals("Parallel") || type.equals("Map"))) {
                    throw error(path, "field 'Catch' is only allowed in Task, Parallel and Map states");
                }
                JsonNode catchers = s.get("Catch");
                errorEquals(catchers, path + ".Catch");
                for (int i = 0; i < catchers.size(); i++) {
                    JsonNode c = catchers.get(i);
                    if (!c.has("Next")) {
                        throw error(path + ".Catch[" + i + "]", "field 'Next' is required");
                    }
                    target(c.get("Next"), states, path + ".Catch[" + i + "].Next");
                }
            }
        }

        private void task(JsonNode s, String path) {
            JsonNode resource = s.get("Resource");
            if (resource == null || !resource.isTextual() || resource.asText().isEmpty()) {
                throw error(path, "a Task state needs a 'Resource'");
            }
            String r = resource.asText();
            if (r.startsWith("arn:aws:states:::lambda:invoke")) {
                if (!r.equals("arn:aws:states:::lambda:invoke")) {
                    throw error(path + ".Resource", "only the request-response integration "
                            + "'arn:aws:states:::lambda:invoke' is supported, not '" + r + "'");
                }
                JsonNode params = s.path("Parameters");
                if (!params.has("FunctionName") && !params.has("FunctionName.$")) {
                    throw error(path + ".Parameters", "'arn:aws:states:::lambda:invoke' needs Parameters.FunctionName");
                }
            } else if (r.startsWith("arn:") && !r.matches("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:[A-Za-z0-9_-]+(:[^:]+)?")) {
                throw error(path + ".Resource", "'" + r + "' is not a Lambda function ARN "
                        + "(arn:aws:lambda:<region>:<account>:function:<name>) nor arn:aws:states:::lambda:invoke");
            }
            for (String f : List.of("TimeoutSeconds", "HeartbeatSeconds")) {
                if (s.has(f) && (!s.get(f).canConvertToLong() || s.get(f).asLong() <= 0)) {
                    throw error(path + "." + f, "must be a positive integer");
                }
            }
        }

        private void choice(JsonNode s, JsonNode states, String path) {
            JsonNode choices = s.get("Choices");
            if (choices == null || !choices.isArray() || choices.isEmpty()) {
                throw error(path, "field 'Choices' must be a non-empty array");
            }
            for (int i = 0; i < choices.size(); i++) {
                JsonNode c = choices.get(i);
                String cp = path + ".Choices[" + i + "]";
                if (!c.has("Next")) {
                    throw error(cp, "field 'Next' is required in a top-level Choice rule");
                }
                target(c.get("Next"), states, cp + ".Next");
                rule(c, cp);
            }
            if (s.has("Default")) {
                target(s.get("Default"), states, path + ".Default");
            }
        }

        private void rule(JsonNode r, String path) {
            if (r.has("And") || r.has("Or")) {
                JsonNode list = r.has("And") ? r.get("And") : r.get("Or");
                if (!list.isArray() || list.isEmpty()) {
                    throw error(path, "'And'/'Or' must be a non-empty array of rules");
                }
                for (int i = 0; i < list.size(); i++) {
                    rule(list.get(i), path + (r.has("And") ? ".And[" : ".Or[") + i + "]");
                }
                return;
            }
            if (r.has("Not")) {
                rule(r.get("Not"), path + ".Not");
                return;
            }
            if (!r.has("Variable") || !r.get("Variable").asText().startsWith("$")) {
                throw error(path, "field 'Variable' is required and must be a path");
            }
            if (ChoiceRules.operator(r).isEmpty()) {
                throw error(path, "no comparison operator (one of " + ChoiceRules.OPERATORS
                        + ", or a ...Path variant)");
            }
        }

        private void map(JsonNode s, String path) {
            JsonNode processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
            String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            if (processor == null) {
                throw error(path, "a Map state needs 'ItemProcessor' (or the older 'Iterator')");
            }
            String mode = processor.path("ProcessorConfig").path("Mode").asText("INLINE");
            if (!mode.equals("INLINE")) {
                throw error(path + "." + field + ".ProcessorConfig.Mode", "only INLINE Map states are supported, not "
                        + mode);
            }
            for (String unsupported : List.of("ItemReader", "ItemBatcher", "ResultWriter")) {
                if (s.has(unsupported)) {
                    throw error(path + "." + unsupported, "is a Distributed Map feature, not supported");
                }
            }
            if (s.has("MaxConcurrency") && (!s.get("MaxConcurrency").canConvertToInt()
                    || s.get("MaxConcurrency").asInt() < 0)) {
                throw error(path + ".MaxConcurrency", "must be a non-negative integer");
            }
            machine(processor, path + "." + field);
        }

        private void retriers(JsonNode retry, String path) {
            errorEquals(retry, path);
            for (int i = 0; i < retry.size(); i++) {
                JsonNode r = retry.get(i);
                String rp = path + "[" + i + "]";
                if (r.has("IntervalSeconds") && (!r.get("IntervalSeconds").canConvertToLong()
                        || r.get("IntervalSeconds").asLong() < 1)) {
                    throw error(rp + ".IntervalSeconds", "must be a positive integer");
                }
                if (r.has("MaxAttempts") && (!r.get("MaxAttempts").canConvertToInt()
                        || r.get("MaxAttempts").asInt() < 0)) {
                    throw error(rp + ".MaxAttempts", "must be a non-negative integer");
                }
                if (r.has("BackoffRate") && (!r.get("BackoffRate").isNumber() || r.get("BackoffRate").asDouble() < 1.0)) {
                    throw error(rp + ".BackoffRate", "must be a number >= 1.0");
                }
                if (r.has("MaxDelaySeconds") && (!r.get("MaxDelaySeconds").canConvertToLong()
                        || r.get("MaxDelaySeconds").asLong() < 1)) {
                    throw error(rp + ".MaxDelaySeconds", "must be a positive integer");
                }
                if (r.has("JitterStrategy") && !Set.of("FULL", "NONE").contains(r.get("JitterStrategy").asText())) {
                    throw error(rp + ".JitterStrategy", "must be FULL or NONE");
                }
            }
        }

        /** ErrorEquals is a non-empty list of names; States.ALL must be alone and in the last entry. */
        private void errorEquals(JsonNode list, String path) {
            if (!list.isArray()) {
                throw error(path, "must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode names = list.get(i).get("ErrorEquals");
                String p = path + "[" + i + "].ErrorEquals";
                if (names == null || !names.isArray() || names.isEmpty()) {
                    throw error(p, "must be a non-empty array of error names");
                }
                for (JsonNode n : names) {
                    if (n.asText().equals(StatesError.ALL) && (names.size() != 1 || i != list.size() - 1)) {
                        throw error(p, "States.ALL must appear alone and in the last entry");
                    }
                }
            }
        }

        private void target(JsonNode next, JsonNode states, String path) {
            if (next == null || !next.isTextual() || !states.has(next.asText())) {
                throw error(path, "names '" + (next == null ? "" : next.asText()) + "', which is not a state "
                        + "(states: " + names(states) + ")");
            }
        }

        private void reachability(String start, JsonNode states, String path) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(start);
            while (!todo.isEmpty()) {
                String n = todo.poll();
                if (!seen.add(n)) {
                    continue;
                }
                JsonNode s = states.get(n);
                if (s.has("Next")) {
                    todo.add(s.get("Next").asText());
                }
                if (s.has("Default")) {
                    todo.add(s.get("Default").asText());
                }
                for (JsonNode c : s.path("Choices")) {
                    todo.add(c.path("Next").asText());
                }
                for (JsonNode c : s.path("Catch")) {
                    todo.add(c.path("Next").asText());
                }
            }
            List<String> unreachable = new ArrayList<>();
            states.fieldNames().forEachRemaining(n -> {
                if (!seen.contains(n)) {
                    unreachable.add(n);
                }
            });
            if (!unreachable.isEmpty()) {
                throw error(path, "state(s) " + unreachable + " cannot be reached from StartAt");
            }
        }

        private static String names(JsonNode states) {
            List<String> out = new ArrayList<>();
            states.fieldNames().forEachRemaining(out::add);
            return String.join(", ", out);
        }
    }
}
