package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.workflow.WorkflowResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry, Catch and Fail, following "Error handling in Step Functions" in the developer guide. */
class ErrorHandlingTest {

    private static List<Long> callMillis(TestRig rig, String function) {
        return rig.functions.calls(function).stream().map(c -> c.at().toMillis()).toList();
    }

    private static String retryingTask(String retrier) {
        return """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
                   "Retry": [%s], "End": true}}}""".formatted(retrier);
    }

    private static void alwaysFailing(TestRig rig, String errorType) {
        rig.functions.raw("flaky", payload -> {
            throw new FunctionErrorException("flaky", errorType, "boom", false, null);
        });
    }

    @Test
    void should_retry_at_3_and_then_6_seconds_when_interval_is_3_and_backoff_rate_2() {
        TestRig rig = new TestRig();
        alwaysFailing(rig, "States.Timeout");

        WorkflowResult result = rig.run(retryingTask("""
                {"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 2}"""), "{}");

        assertThat(callMillis(rig, "flaky")).containsExactly(0L, 3_000L, 9_000L);
        assertThat(result.error()).isEqualTo("States.Timeout");
    }

    @Test
    void should_wait_3_then_4_5_seconds_when_following_the_retrier_example_with_backoff_rate_1_5() {
        // Developer guide, "Retrying after an error": IntervalSeconds 3, MaxAttempts 2, BackoffRate 1.5 makes
        // "2 retry attempts after waiting for 3 and 4.5 seconds".
        TestRig rig = new TestRig();
        alwaysFailing(rig, "States.Timeout");

        rig.run(retryingTask("""
                {"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5}"""), "{}");

        assertThat(callMillis(rig, "flaky")).containsExactly(0L, 3_000L, 7_500L);
    }

    @Test
    void should_cap_the_interval_at_max_delay_seconds() {
        // Retrier field MaxDelaySeconds: "the maximum value, in seconds, up to which a retry interval can increase".
        TestRig rig = new TestRig();
        alwaysFailing(rig, "Boom");

        rig.run(retryingTask("""
                {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 4,
                 "MaxDelaySeconds": 10}"""), "{}");

        // waits 2, 6, min(18, 10), min(54, 10)
        assertThat(callMillis(rig, "flaky")).containsExactly(0L, 2_000L, 8_000L, 18_000L, 28_000L);
    }

    @Test
    void should_use_defaults_interval_1_backoff_2_and_three_attempts_when_the_retrier_only_names_errors() {
        TestRig rig = new TestRig();
        alwaysFailing(rig, "Boom");

        rig.run(retryingTask("{\"ErrorEquals\": [\"Boom\"]}"), "{}");

        assertThat(callMillis(rig, "flaky")).containsExactly(0L, 1_000L, 3_000L, 7_000L);
    }

    @Test
    void should_never_retry_when_max_attempts_is_0() {
        TestRig rig = new TestRig();
        alwaysFailing(rig, "Boom");

        WorkflowResult result = rig.run(retryingTask("{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 0}"), "{}");

        assertThat(rig.functions.calls("flaky")).hasSize(1);
        assertThat(result.error()).isEqualTo("Boom");
    }

    @Test
    void should_draw_full_jitter_below_the_computed_backoff_reproducibly_from_the_seed() {
        String definition = retryingTask("""
                {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "BackoffRate": 2, "MaxAttempts": 3,
                 "JitterStrategy": "FULL"}""");
        TestRig first = new TestRig();
        alwaysFailing(first, "Boom");
        TestRig second = new TestRig();
        alwaysFailing(second, "Boom");

        first.run(definition, "{}");
        second.run(definition, "{}");

        List<Long> at = callMillis(first, "flaky");
        assertThat(at).hasSize(4).isEqualTo(callMillis(second, "flaky"));
        long[] ceilings = {10_000, 20_000, 40_000};
        for (int i = 0; i < 3; i++) {
            long wait = at.get(i + 1) - at.get(i);
            assertThat(wait).isBetween(0L, ceilings[i]);
        }
        assertThat(at).isNotEqualTo(List.of(0L, 10_000L, 30_000L, 70_000L));
    }

    @Test
    void should_keep_one_attempt_counter_per_retrier_when_following_the_complex_retry_scenario() {
        // Developer guide, "Complex retry scenarios": errors ErrorA, ErrorB, ErrorC, ErrorB; the first two wait 1 s
        // and 2 s, ErrorC waits 5 s, the second ErrorB finds its retrier exhausted and the Catch sends to Z.
        TestRig rig = new TestRig();
        Deque<String> errors = new ArrayDeque<>(List.of("ErrorA", "ErrorB", "ErrorC", "ErrorB"));
        rig.functions.raw("X", payload -> {
            throw new FunctionErrorException("X", errors.poll(), "failed", false, null);
        });
        String definition = """
                {"StartAt": "X", "States": {
                   "X": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:X", "Next": "Y",
                         "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0,
                                    "MaxAttempts": 2},
                                   {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}]},
                   "Y": {"Type": "Pass", "End": true},
                   "Z": {"Type": "Pass", "Result": "Z", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(callMillis(rig, "X")).containsExactly(0L, 1_000L, 3_000L, 8_000L);
        assertThat(result.output()).isEqualTo("\"Z\"");
    }

    @Test
    void should_add_the_error_output_at_result_path_when_a_catcher_has_result_path_error() {
        // Developer guide, "Fallback states" / Catch: "ResultPath": "$.error-info" keeps the input and adds
        // {"Error", "Cause"}.
        TestRig rig = new TestRig();
        rig.functions.raw("f", payload -> {
            throw new IllegalStateException("this is my error");
        });
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "f", "End": true,
                         "Catch": [{"ErrorEquals": ["IllegalStateException"], "ResultPath": "$.error", "Next": "Recovery"}]},
                   "Recovery": {"Type": "Pass", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{\"foo\": \"bar\"}");

        var out = json(result.output());
        assertThat(out.get("foo").asText()).isEqualTo("bar");
        assertThat(out.at("/error/Error").asText()).isEqualTo("IllegalStateException");
        assertThat(json(out.at("/error/Cause").asText())).isEqualTo(json("""
                {"errorMessage": "this is my error", "errorType": "IllegalStateException"}"""));
    }

    @Test
    void should_end_the_execution_with_the_fail_state_error_and_cause() {
        // Developer guide, "Fail workflow state": Error "ErrorA", Cause "Kaiju attack".
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "FailState", "States": {"FailState": {"Type": "Fail", "Error": "ErrorA",
                   "Cause": "Kaiju attack"}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("ErrorA");
        assertThat(result.cause()).isEqualTo("Kaiju attack");
        assertThat(result.transitions()).isEqualTo(1);
    }

    @Test
    void should_map_throttling_to_lambda_too_many_requests_and_other_retriable_errors_to_lambda_service_exception() {
        // Developer guide, "Handle Lambda service exceptions": Lambda.ServiceException, and "When Lambda hits the
        // maximum number of invocations, the error is Lambda.TooManyRequestsException".
        TestRig rig = new TestRig();
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(
                new RetriableException("TooManyRequestsException", "Rate exceeded"),
                new RetriableException("ServiceException", "internal error")));
        rig.functions.raw("f", payload -> {
            throw failures.poll();
        });
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "f", "End": true,
                         "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1}],
                         "Catch": [{"ErrorEquals": ["Lambda.ServiceException"], "Next": "Caught"}]},
                   "Caught": {"Type": "Pass", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.succeeded()).isTrue();
        assertThat(json(result.output()).get("Error").asText()).isEqualTo("Lambda.ServiceException");
        assertThat(rig.functions.calls("f")).hasSize(2);
    }

    @Test
    void should_report_a_function_timeout_as_lambda_unknown_matched_by_states_task_failed() {
        // Developer guide: "Unhandled errors in Lambda are reported as Lambda.Unknown ... These include
        // out-of-memory errors and function timeouts. You can match on Lambda.Unknown, States.ALL, or
        // States.TaskFailed".
        TestRig rig = new TestRig();
        rig.functions.raw("slow", payload -> {
            throw new FunctionTimeoutException("slow", Duration.ofSeconds(3), "Task timed out after 3.00 seconds");
        });
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "slow", "End": true,
                         "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}]},
                   "Caught": {"Type": "Pass", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(json(result.output()).get("Error").asText()).isEqualTo("Lambda.Unknown");
        assertThat(json(result.output()).get("Cause").asText()).contains("Task timed out after 3.00 seconds");
    }

    @Test
    void should_raise_states_timeout_not_matched_by_task_failed_when_the_task_outlives_timeout_seconds() {
        // "States.TaskFailed ... matches any known error name except for States.Timeout".
        TestRig rig = new TestRig();
        rig.functions.json("slow", in -> {
            rig.clock.sleep(Duration.ofSeconds(12));
            return in;
        });
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "slow", "TimeoutSeconds": 10, "End": true,
                         "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "TaskFailed"},
                                   {"ErrorEquals": ["States.Timeout"], "Next": "TimedOut"}]},
                   "TaskFailed": {"Type": "Pass", "Result": "task-failed", "End": true},
                   "TimedOut": {"Type": "Pass", "Result": "timed-out", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.output()).isEqualTo("\"timed-out\"");
    }

    @Test
    void should_fail_the_execution_with_states_timeout_when_the_definition_timeout_seconds_elapses() {
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "W", "TimeoutSeconds": 30, "States": {
                   "W": {"Type": "Wait", "Seconds": 31, "Next": "Done"},
                   "Done": {"Type": "Succeed"}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(result.cause()).contains("'Done'");
    }

    @Test
    void should_count_each_retry_as_a_state_transition() {
        // Developer guide, "Error handling": "Retries are treated as state transitions."
        TestRig rig = new TestRig();
        alwaysFailing(rig, "Boom");

        WorkflowResult result = rig.run(retryingTask("{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 2}"), "{}");

        assertThat(result.transitions()).isEqualTo(3);
        assertThat(rig.transitions()).extracting(e -> e.state()).containsExactly("T", "T", "T");
    }

    @Test
    void should_expose_the_retry_count_in_the_context_object() {
        TestRig rig = new TestRig();
        rig.functions.json("f", in -> {
            if (in.get("retry").asInt() < 2) {
                throw new IllegalStateException("not yet");
            }
            return in;
        });
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "f",
                   "Parameters": {"retry.$": "$$.State.RetryCount"},
                   "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{}");

        assertThat(result.output()).isEqualTo("{\"retry\":2}");
    }
}
