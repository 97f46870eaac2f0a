package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.workflow.WorkflowResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** InputPath, Parameters, ResultSelector, ResultPath, OutputPath and the context object. */
class InputOutputProcessingTest {

    private static final String HELLO_INPUT = """
            {"comment": "This is a test of the input and output of a Task state.",
             "details": "Default example", "who": "AWS Step Functions"}""";

    /** The developer guide's HelloFunction: {@code callback(null, "Hello, " + event.who + "!")}. */
    private static TestRig helloRig() {
        TestRig rig = new TestRig();
        rig.functions.json("HelloFunction", in -> JsonData.NODES.textNode("Hello, " + in.path("who").asText() + "!"));
        return rig;
    }

    @Test
    void should_combine_input_path_result_path_and_output_path_when_following_the_manipulating_state_data_example() {
        // Step Functions developer guide, "Example: Manipulating state data with paths in Step Functions
        // workflows": InputPath $.lambda, ResultPath $.data.lambdaresult, OutputPath $.data.
        TestRig rig = helloRig();
        String definition = """
                {"StartAt": "HelloWorld", "States": {"HelloWorld": {
                   "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
                   "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult", "OutputPath": "$.data",
                   "End": true}}}""";
        String input = """
                {"comment": "An input comment.", "data": {"val1": 23, "val2": 17}, "extra": "foo",
                 "lambda": {"who": "AWS Step Functions"}}""";

        WorkflowResult result = rig.run(definition, input);

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(json(result.output())).isEqualTo(json("""
                {"val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!"}"""));
        assertThat(rig.functions.calls("HelloFunction").get(0).payload()).isEqualTo("{\"who\":\"AWS Step Functions\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Step Functions developer guide, "Specifying state output using ResultPath": the four examples.
        "$|\"Hello, AWS Step Functions!\"",
        "null|{\"comment\":\"This is a test of the input and output of a Task state.\",\"details\":\"Default example\",\"who\":\"AWS Step Functions\"}",
        "$.taskresult|{\"comment\":\"This is a test of the input and output of a Task state.\",\"details\":\"Default example\",\"who\":\"AWS Step Functions\",\"taskresult\":\"Hello, AWS Step Functions!\"}",
        "$.strings.lambdaresult|{\"comment\":\"This is a test of the input and output of a Task state.\",\"details\":\"Default example\",\"who\":\"AWS Step Functions\",\"strings\":{\"lambdaresult\":\"Hello, AWS Step Functions!\"}}"
    })
    void should_place_the_task_result_where_result_path_says_when_following_the_result_path_examples(
            String resultPath, String expected) {
        TestRig rig = helloRig();
        String rp = resultPath.equals("null") ? "null" : "\"" + resultPath + "\"";
        String definition = """
                {"StartAt": "HelloWorld", "States": {"HelloWorld": {"Type": "Task",
                   "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
                   "ResultPath": %s, "End": true}}}""".formatted(rp);

        WorkflowResult result = rig.run(definition, HELLO_INPUT);

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(json(result.output())).isEqualTo(json(expected));
    }

    @Test
    void should_build_the_effective_input_from_parameters_when_following_the_parameters_example() {
        // Developer guide, "Manipulate parameters in Step Functions workflows" (Parameters): the product example.
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
                    "comment": "Selecting what I care about.",
                    "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability",
                                  "StaticValue": "foo"}},
                  "End": true}}}""";
        String input = """
                {"comment": "Example for Parameters.",
                 "product": {"details": {"color": "blue", "size": "small", "material": "cotton"},
                             "availability": "in stock", "sku": "2317", "cost": "$23"}}""";

        WorkflowResult result = rig.run(definition, input);

        assertThat(json(result.output())).isEqualTo(json("""
                {"comment": "Selecting what I care about.",
                 "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"}}"""));
    }

    @Test
    void should_filter_the_task_result_with_result_selector_before_result_path_when_following_the_result_selector_example() {
        // Developer guide, "Filtering state output using ResultSelector": the EMR CreateCluster result, with
        // ResultSelector picking ClusterId and resourceType and ResultPath $.EMROutput.
        TestRig rig = new TestRig();
        rig.functions.json("CreateCluster", in -> json("""
                {"resourceType": "elasticmapreduce", "resource": "createCluster.sync",
                 "output": {"SdkHttpMetadata": {"HttpStatusCode": 200},
                            "SdkResponseMetadata": {"RequestId": "1234-5678-9012"},
                            "ClusterId": "AKIAIOSFODNN7EXAMPLE"}}"""));
        String definition = """
                {"StartAt": "CreateCluster", "States": {"CreateCluster": {"Type": "Task",
                   "Resource": "CreateCluster",
                   "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
                   "ResultPath": "$.EMROutput", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{\"Name\": \"MyWorkflowCluster\"}");

        assertThat(json(result.output())).isEqualTo(json("""
                {"Name": "MyWorkflowCluster",
                 "EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}}"""));
    }

    @Test
    void should_pass_payload_and_wrap_the_response_when_using_the_lambda_invoke_integration() {
        // Developer guide, "Invoke an AWS Lambda function with Step Functions": arn:aws:states:::lambda:invoke
        // with FunctionName and Payload.$; the result carries the function's response under "Payload".
        TestRig rig = new TestRig();
        rig.functions.json("planner", in -> json("{\"plan\": \"search " + in.path("q").asText() + "\"}"));
        String definition = """
                {"StartAt": "Plan", "States": {"Plan": {"Type": "Task",
                   "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:planner:$LATEST",
                                  "Payload": {"q.$": "$.question"}},
                   "ResultSelector": {"plan.$": "$.Payload.plan", "status.$": "$.StatusCode"},
                   "ResultPath": "$.planner", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{\"question\": \"graphs\"}");

        assertThat(json(result.output())).isEqualTo(json("""
                {"question": "graphs", "planner": {"plan": "search graphs", "status": 200}}"""));
        assertThat(rig.functions.calls("planner").get(0).payload()).isEqualTo("{\"q\":\"graphs\"}");
    }

    @Test
    void should_expose_the_context_object_when_parameters_read_double_dollar_paths() {
        // Developer guide, "Accessing execution data from the Context object in Step Functions".
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "Wait1", "States": {
                   "Wait1": {"Type": "Wait", "Seconds": 5, "Next": "Ctx"},
                   "Ctx": {"Type": "Pass", "Parameters": {
                      "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
                      "start.$": "$$.Execution.StartTime", "state.$": "$$.State.Name",
                      "entered.$": "$$.State.EnteredTime", "retries.$": "$$.State.RetryCount",
                      "machine.$": "$$.StateMachine.Name"}, "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{\"k\": 1}");

        var out = json(result.output());
        assertThat(out.get("id").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:test:")
                .endsWith(out.get("name").asText());
        assertThat(out.get("input")).isEqualTo(json("{\"k\": 1}"));
        assertThat(out.get("start").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(out.get("entered").asText()).isEqualTo("2026-01-01T00:00:05.000Z");
        assertThat(out.get("state").asText()).isEqualTo("Ctx");
        assertThat(out.get("retries").asInt()).isZero();
        assertThat(out.get("machine").asText()).isEqualTo("test");
    }

    @Test
    void should_give_an_empty_object_when_input_path_or_output_path_is_null() {
        // Developer guide, "InputPath": "If the value of InputPath is null ... the input is {}"; same for OutputPath.
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "A", "States": {
                   "A": {"Type": "Pass", "InputPath": null, "ResultPath": "$.seen", "Next": "B"},
                   "B": {"Type": "Pass", "OutputPath": null, "End": true}}}""";

        WorkflowResult first = rig.run(definition, "{\"x\": 1}");

        assertThat(first.output()).isEqualTo("{}");
    }

    @Test
    void should_fail_with_states_runtime_uncaught_when_input_path_selects_nothing() {
        TestRig rig = new TestRig();
        rig.functions.json("f", in -> in);
        String definition = """
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "f", "InputPath": "$.missing", "End": true,
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                   "Caught": {"Type": "Succeed"}}}""";

        WorkflowResult result = rig.run(definition, "{\"x\": 1}");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("$.missing");
        assertThat(rig.functions.calls()).isEmpty();
    }

    @Test
    void should_fail_with_result_path_match_failure_when_the_input_is_not_an_object() {
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.r", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "[1, 2]");

        assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
    }
}
