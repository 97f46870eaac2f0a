package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.workflow.WorkflowResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The 262,144-byte state payload quota and States.DataLimitExceeded (developer guide, "Error handling":
 * raised when a connector's output, a state's output, or a state's input after Parameters is larger than the
 * quota; "a terminal error that can't be caught by the States.ALL error type").
 */
class PayloadLimitTest {

    private static final int LIMIT = 262_144;

    /** A JSON object {"s": "xxx..."} of exactly {@code bytes} bytes (UTF-8). */
    private static String objectOfSize(int bytes) {
        String s = "{\"s\":\"" + "x".repeat(bytes - 8) + "\"}";
        assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return s;
    }

    private static final String PASS_THROUGH = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

    @Test
    void should_pass_a_payload_of_exactly_262144_bytes() {
        WorkflowResult result = new TestRig().run(PASS_THROUGH, objectOfSize(LIMIT));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output().getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
    }

    @Test
    void should_fail_with_data_limit_exceeded_at_262145_bytes() {
        WorkflowResult result = new TestRig().run(PASS_THROUGH, objectOfSize(LIMIT + 1));

        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(result.cause()).contains("262145").contains("262144");
    }

    @Test
    void should_count_utf8_bytes_not_characters() {
        // 'é' is two bytes in UTF-8: 131,068 of them plus {"s":""} is 262,144 bytes but 131,076 characters.
        String exact = "{\"s\":\"" + "é".repeat((LIMIT - 8) / 2) + "\"}";
        String over = "{\"s\":\"" + "é".repeat((LIMIT - 8) / 2) + "x\"}";

        assertThat(new TestRig().run(PASS_THROUGH, exact).succeeded()).isTrue();
        assertThat(new TestRig().run(PASS_THROUGH, over).error()).isEqualTo("States.DataLimitExceeded");
    }

    private static String taskReturning(String catchers) {
        return """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "big", "ResultPath": null, "End": true, "Catch": [%s]},
                   "Caught": {"Type": "Pass", "End": true}}}""".formatted(catchers);
    }

    @Test
    void should_not_let_states_all_catch_a_task_result_over_the_quota() {
        TestRig rig = new TestRig();
        rig.functions.raw("big", payload -> objectOfSize(LIMIT + 1).getBytes(StandardCharsets.UTF_8));

        WorkflowResult result = rig.run(taskReturning("{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}"),
                "{}");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void should_accept_a_task_result_of_exactly_the_quota() {
        TestRig rig = new TestRig();
        rig.functions.raw("big", payload -> objectOfSize(LIMIT).getBytes(StandardCharsets.UTF_8));

        WorkflowResult result = rig.run(taskReturning("{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}"),
                "{}");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo("{}");
    }

    @Test
    void should_let_a_catcher_that_names_data_limit_exceeded_catch_it() {
        // As LocalStack's AWS-validated template TASK_SERVICE_LAMBDA_INVOKE_CATCH_DATA_LIMIT_EXCEEDED does.
        TestRig rig = new TestRig();
        rig.functions.raw("big", payload -> objectOfSize(LIMIT + 1).getBytes(StandardCharsets.UTF_8));

        WorkflowResult result = rig.run(taskReturning(
                "{\"ErrorEquals\": [\"States.DataLimitExceeded\"], \"Next\": \"Caught\"}"), "{}");

        assertThat(json(result.output()).get("Error").asText()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void should_fail_when_the_state_output_combining_input_and_result_exceeds_the_quota() {
        TestRig rig = new TestRig();
        rig.functions.raw("half", payload -> ("\"" + "y".repeat(LIMIT / 2) + "\"").getBytes(StandardCharsets.UTF_8));
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "half", "ResultPath": "$.r",
                   "End": true}}}""";

        WorkflowResult result = rig.run(definition, objectOfSize(LIMIT / 2 + 100));

        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(result.cause()).contains("output");
    }

    @Test
    void should_fail_when_the_input_after_parameters_exceeds_the_quota() {
        TestRig rig = new TestRig();
        rig.functions.json("f", in -> in);
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "f",
                   "Parameters": {"a.$": "$.s", "b.$": "$.s"}, "End": true}}}""";

        WorkflowResult result = rig.run(definition, objectOfSize(LIMIT / 2 + 100));

        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(result.cause()).contains("after Parameters");
        assertThat(rig.functions.calls()).isEmpty();
    }

    @Test
    void should_map_the_function_payload_limit_to_a_catchable_error() {
        TestRig rig = new TestRig();
        rig.functions.raw("huge", payload -> {
            throw new LimitExceededException("lambda.sync_payload", 6_291_556, 7_000_000, "response too large");
        });
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "huge", "End": true,
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                   "Caught": {"Type": "Pass", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(json(result.output()).get("Error").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    }
}
