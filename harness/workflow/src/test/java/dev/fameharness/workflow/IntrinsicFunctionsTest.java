package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.workflow.WorkflowResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The examples of "Intrinsic functions for JSONPath paths in Step Functions" (developer guide). */
class IntrinsicFunctionsTest {

    private static WorkflowResult evaluate(TestRig rig, String expression, String input) {
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"r.$": %s}, "End": true}}}"""
                .formatted(JsonData.write(JsonData.NODES.textNode(expression)));
        return rig.run(definition, input);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "States.Format('Hello, my name is {}.', $.name)|{\"name\": \"Arnav\"}|\"Hello, my name is Arnav.\"",
        "States.Format('Literal \\{\\} and {}', $.n)|{\"n\": 3}|\"Literal {} and 3\"",
        "States.StringToJson($.someString)|{\"someString\": \"{\\\"number\\\": 20}\"}|{\"number\": 20}",
        "States.JsonToString($.someJson)|{\"someJson\": {\"name\": \"Foo\", \"year\": 2020}}|\"{\\\"name\\\":\\\"Foo\\\",\\\"year\\\":2020}\"",
        "States.Array('Foo', 2020, $.someJson, null)|{\"someJson\": {\"random\": \"abcdefghij\"}}|[\"Foo\", 2020, {\"random\": \"abcdefghij\"}, null]",
        "States.ArrayPartition($.inputArray, 4)|{\"inputArray\": [1,2,3,4,5,6,7,8,9]}|[[1,2,3,4],[5,6,7,8],[9]]",
        "States.ArrayContains($.inputArray, $.lookingFor)|{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"lookingFor\": 5}|true",
        "States.ArrayRange(1, 9, 2)|{}|[1,3,5,7,9]",
        "States.ArrayGetItem($.inputArray, $.index)|{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"index\": 5}|6",
        "States.ArrayLength($.inputArray)|{\"inputArray\": [1,2,3,4,5,6,7,8,9]}|9",
        "States.ArrayUnique($.inputArray)|{\"inputArray\": [1,2,3,3,3,3,3,3,4]}|[1,2,3,4]",
        "States.Base64Encode($.input)|{\"input\": \"Data to encode\"}|\"RGF0YSB0byBlbmNvZGU=\"",
        "States.Base64Decode($.base64)|{\"base64\": \"RGF0YSB0byBlbmNvZGU=\"}|\"Data to encode\"",
        "States.Hash($.Data, $.Algorithm)|{\"Data\": \"input data\", \"Algorithm\": \"SHA-1\"}|\"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
        "States.JsonMerge($.json1, $.json2, false)|{\"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}, \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3}}|{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}",
        "States.MathAdd($.value1, $.step)|{\"value1\": 111, \"step\": -1}|110",
        "States.StringSplit($.inputString, $.splitter)|{\"inputString\": \"1,2,3,4,5\", \"splitter\": \",\"}|[\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "States.ArrayLength(States.Array(1, 2, States.MathAdd(1, 2)))|{}|3"
    })
    void should_evaluate_the_documented_example(String expression, String input, String expected) {
        WorkflowResult result = evaluate(new TestRig(), expression, input);

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(json(result.output()).get("r")).isEqualTo(json(expected));
    }

    @Test
    void should_derive_uuids_from_the_seeded_clock_random_so_runs_repeat() {
        String first = json(evaluate(new TestRig(), "States.UUID()", "{}").output()).get("r").asText();
        String again = json(evaluate(new TestRig(), "States.UUID()", "{}").output()).get("r").asText();

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void should_fail_with_intrinsic_failure_when_arguments_are_wrong() {
        WorkflowResult result = evaluate(new TestRig(), "States.ArrayLength($.notArray)", "{\"notArray\": 3}");

        assertThat(result.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(result.cause()).contains("States.ArrayLength");
    }
}
