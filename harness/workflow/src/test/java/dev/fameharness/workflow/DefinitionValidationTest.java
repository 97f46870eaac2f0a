package dev.fameharness.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.fameharness.api.error.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What CreateStateMachine would reject: errors name the state and the field. */
class DefinitionValidationTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'States': {'A': {'Type': 'Succeed'}}}|field 'StartAt' is required",
        "{'StartAt': 'B', 'States': {'A': {'Type': 'Succeed'}}}|field 'StartAt' names 'B', which is not a state",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'Nope'}}}|States.A.Next: names 'Nope', which is not a state",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass'}}}|States.A: a Pass state needs 'Next' or",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'End': true, 'Next': 'A'}}}|States.A: fields 'Next' and 'End' are mutually exclusive",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Sleep', 'End': true}}}|States.A: field 'Type' must be one of",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Choice', 'Choices': [{'Variable': '$.x', 'NumericEquals': 1, 'Next': 'Z'}]}}}|States.A.Choices[0].Next: names 'Z'",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Choice', 'Choices': [{'Variable': '$.x', 'NumericEquals': 1, 'Next': 'B'}], 'Default': 'Q'}, 'B': {'Type': 'Succeed'}}}|States.A.Default: names 'Q'",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Choice', 'Choices': [{'Variable': '$.x', 'Equalz': 1, 'Next': 'B'}]}, 'B': {'Type': 'Succeed'}}}|States.A.Choices[0]: no comparison operator",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': 'f', 'End': true, 'Retry': [{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['X']}]}}}|States.A.Retry[0].ErrorEquals: States.ALL must appear alone and in the last entry",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': 'f', 'End': true, 'Retry': [{'ErrorEquals': ['X'], 'BackoffRate': 0.5}]}}}|States.A.Retry[0].BackoffRate: must be a number >= 1.0",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': 'f', 'End': true, 'Catch': [{'ErrorEquals': ['X']}]}}}|States.A.Catch[0]: field 'Next' is required",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}, 'Orphan': {'Type': 'Succeed'}}}|[Orphan] cannot be reached from StartAt",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B'}, 'B': {'Type': 'Pass', 'Next': 'A'}}}|no terminal state",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Parallel', 'End': true, 'Branches': [{'StartAt': 'X', 'States': {'X': {'Type': 'Pass', 'Next': 'Y'}}}]}}}|States.A.Branches[0].States.X.Next: names 'Y'",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Map', 'End': true, 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED'}, 'StartAt': 'X', 'States': {'X': {'Type': 'Succeed'}}}}}}|only INLINE Map states are supported",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken', 'End': true}}}|only the request-response integration",
        "{'StartAt': 'A', 'States': {'A': {'Type': 'Wait', 'End': true}}}|States.A: a Wait state needs exactly one of"
    })
    void should_reject_the_definition_naming_the_state_and_field(String definition, String message) {
        assertThatThrownBy(() -> AslWorkflowEngine.validateDefinition("wf", TestRig.q(definition)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("workflow 'wf': ")
                .hasMessageContaining(message);
    }

    @Test
    void should_reject_a_definition_that_is_not_json() {
        assertThatThrownBy(() -> AslWorkflowEngine.validateDefinition("wf", "{\"StartAt\": "))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void should_accept_a_cycle_that_has_a_way_out() {
        String definition = """
                {"StartAt": "A", "States": {
                   "A": {"Type": "Pass", "Next": "C"},
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "End"}],
                         "Default": "A"},
                   "End": {"Type": "Succeed"}}}""";

        assertThatCode(() -> AslWorkflowEngine.validateDefinition("wf", definition)).doesNotThrowAnyException();
    }
}
