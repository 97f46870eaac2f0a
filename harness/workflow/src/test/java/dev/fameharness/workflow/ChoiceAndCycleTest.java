package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.api.workflow.WorkflowResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules and a workflow with a cycle (the FAME planner -> actor -> evaluator loop). */
class ChoiceAndCycleTest {

    /** Developer guide, "Choice workflow state": the ChoiceStateX example with Not, NumericEquals and And. */
    private static final String CHOICE_EXAMPLE = """
            {"StartAt": "ChoiceStateX", "States": {
               "ChoiceStateX": {"Type": "Choice", "Choices": [
                  {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                  {"Variable": "$.value", "NumericEquals": 0, "Next": "ValueIsZero"},
                  {"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                           {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"}],
                  "Default": "DefaultState"},
               "Public": {"Type": "Pass", "Result": "Public", "End": true},
               "ValueIsZero": {"Type": "Pass", "Result": "ValueIsZero", "End": true},
               "ValueInTwenties": {"Type": "Pass", "Result": "ValueInTwenties", "End": true},
               "DefaultState": {"Type": "Fail", "Error": "DefaultStateError", "Cause": "No Matches!"}}}""";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"Public\", \"value\": 22}|\"Public\"",
        "{\"type\": \"Private\", \"value\": 0}|\"ValueIsZero\"",
        "{\"type\": \"Private\", \"value\": 22}|\"ValueInTwenties\"",
        "{\"type\": \"Private\", \"value\": 29.99}|\"ValueInTwenties\""
    })
    void should_follow_the_first_matching_rule_when_following_the_choice_state_example(String input, String expected) {
        WorkflowResult result = new TestRig().run(CHOICE_EXAMPLE, input);

        assertThat(result.output()).isEqualTo(expected);
    }

    @Test
    void should_go_to_default_when_no_rule_matches_in_the_choice_state_example() {
        WorkflowResult result = new TestRig().run(CHOICE_EXAMPLE, "{\"type\": \"Private\", \"value\": 35}");

        assertThat(result.error()).isEqualTo("DefaultStateError");
        assertThat(result.cause()).isEqualTo("No Matches!");
    }

    @Test
    void should_fail_with_no_choice_matched_when_no_rule_matches_and_there_is_no_default() {
        String definition = """
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Done"}]},
                   "Done": {"Type": "Succeed"}}}""";

        WorkflowResult result = new TestRig().run(definition, "{\"n\": 2}");

        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Variable\": \"$.file\", \"StringMatches\": \"log-*.txt\"}|true",
        "{\"Variable\": \"$.file\", \"StringMatches\": \"log-\\\\*.txt\"}|false",
        "{\"Variable\": \"$.file\", \"StringLessThan\": \"m\"}|true",
        "{\"Variable\": \"$.file\", \"StringGreaterThanEquals\": \"log-2024.txt\"}|true",
        "{\"Variable\": \"$.n\", \"NumericLessThanEqualsPath\": \"$.limit\"}|true",
        "{\"Variable\": \"$.n\", \"NumericGreaterThanPath\": \"$.limit\"}|false",
        "{\"Variable\": \"$.n\", \"StringEquals\": \"3\"}|false",
        "{\"Variable\": \"$.ok\", \"BooleanEquals\": true}|true",
        "{\"Variable\": \"$.ok\", \"BooleanEqualsPath\": \"$.no\"}|false",
        "{\"Variable\": \"$.when\", \"TimestampLessThan\": \"2026-01-02T00:00:00Z\"}|true",
        "{\"Variable\": \"$.when\", \"TimestampEquals\": \"2026-01-01T01:00:00+01:00\"}|true",
        "{\"Variable\": \"$.when\", \"IsTimestamp\": true}|true",
        "{\"Variable\": \"$.nothing\", \"IsNull\": true}|true",
        "{\"Variable\": \"$.absent\", \"IsPresent\": false}|true",
        "{\"Variable\": \"$.n\", \"IsNumeric\": true}|true",
        "{\"Variable\": \"$.file\", \"IsString\": true}|true",
        "{\"Variable\": \"$.ok\", \"IsBoolean\": false}|false",
        "{\"Or\": [{\"Variable\": \"$.n\", \"NumericEquals\": 1}, {\"Variable\": \"$.n\", \"NumericEquals\": 3}]}|true",
        "{\"Not\": {\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 3}}|false"
    })
    void should_evaluate_each_comparison_operator(String rule, boolean expected) {
        ObjectNode r = (ObjectNode) json(rule);
        r.put("Next", "Yes");
        String definition = """
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
                   "Yes": {"Type": "Pass", "Result": true, "End": true},
                   "No": {"Type": "Pass", "Result": false, "End": true}}}""".formatted(JsonData.write(r));
        String input = """
                {"file": "log-2024.txt", "n": 3, "limit": 3, "ok": true, "no": false,
                 "when": "2026-01-01T00:00:00Z", "nothing": null}""";

        WorkflowResult result = new TestRig().run(definition, input);

        assertThat(result.output()).as(rule).isEqualTo(Boolean.toString(expected));
    }

    @Test
    void should_fail_with_states_runtime_when_a_choice_variable_selects_nothing() {
        String definition = """
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.absent", "NumericEquals": 1, "Next": "D"}],
                         "Default": "D"},
                   "D": {"Type": "Succeed"}}}""";

        WorkflowResult result = new TestRig().run(definition, "{}");

        assertThat(result.error()).isEqualTo("States.Runtime");
    }

    /** The FAME workflow's shape: planner -> actor -> evaluator, and a Choice back to the planner. */
    private static final String FAME_LOOP = """
            {"StartAt": "Planner", "States": {
               "Planner": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:planner",
                           "ResultPath": "$.plan", "Next": "Actor"},
               "Actor": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:actor",
                         "ResultPath": "$.answer", "Next": "Evaluator"},
               "Evaluator": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:evaluator",
                             "Next": "Accepted?"},
               "Accepted?": {"Type": "Choice", "Choices": [
                   {"Variable": "$.accepted", "BooleanEquals": true, "Next": "Done"},
                   {"Variable": "$.iteration", "NumericGreaterThanEqualsPath": "$.maxIterations", "Next": "GaveUp"}],
                   "Default": "Planner"},
               "Done": {"Type": "Succeed", "OutputPath": "$.answer"},
               "GaveUp": {"Type": "Fail", "Error": "EvaluatorGaveUp", "Cause": "no accepted answer"}}}""";

    private static TestRig fameRig(int acceptAtIteration) {
        TestRig rig = new TestRig();
        rig.functions.json("planner", in -> JsonData.NODES.textNode("plan-" + (in.get("iteration").asInt() + 1)));
        rig.functions.json("actor", in -> JsonData.NODES.textNode("answer for " + in.get("plan").asText()));
        rig.functions.json("evaluator", in -> {
            ObjectNode out = in.deepCopy();
            int iteration = in.get("iteration").asInt() + 1;
            out.put("iteration", iteration);
            out.put("accepted", iteration >= acceptAtIteration);
            return out;
        });
        return rig;
    }

    @Test
    void should_loop_back_to_the_planner_until_the_evaluator_accepts() {
        TestRig rig = fameRig(3);

        WorkflowResult result = rig.run(FAME_LOOP, "{\"iteration\": 0, \"maxIterations\": 5}");

        assertThat(result.output()).isEqualTo("\"answer for plan-3\"");
        assertThat(rig.functions.calls("planner")).hasSize(3);
        // 3 rounds of Planner, Actor, Evaluator, Accepted? and the final Done
        assertThat(result.transitions()).isEqualTo(3 * 4 + 1);
    }

    @Test
    void should_stop_the_cycle_at_the_iteration_bound() {
        TestRig rig = fameRig(100);

        WorkflowResult result = rig.run(FAME_LOOP, "{\"iteration\": 0, \"maxIterations\": 2}");

        assertThat(result.error()).isEqualTo("EvaluatorGaveUp");
        assertThat(rig.functions.calls("evaluator")).hasSize(2);
        assertThat(result.transitions()).isEqualTo(2 * 4 + 1);
    }
}
