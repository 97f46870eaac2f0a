package dev.fameharness.workflow;

import static dev.fameharness.workflow.TestRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.workflow.WorkflowResult;
import dev.fameharness.platform.clock.WallClock;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.LatencyModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parallel and Map states: concurrency in clock time, results in order, failures. */
class ParallelAndMapTest {

    /** Developer guide, "Parallel workflow state", input/output example: Add and Subtract on [3, 2]. */
    private static final String ADD_SUBTRACT = """
            {"StartAt": "Parallel", "States": {"Parallel": {"Type": "Parallel", "End": true, "Branches": [
               {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "add", "End": true}}},
               {"StartAt": "Subtract", "States": {"Subtract": {"Type": "Task", "Resource": "subtract", "End": true}}}
            ]}}}""";

    private static TestRig arithmeticRig(Duration each) {
        TestRig rig = new TestRig();
        rig.functions.json("add", in -> {
            rig.clock.sleep(each);
            return JsonData.NODES.numberNode(in.get(0).asInt() + in.get(1).asInt());
        });
        rig.functions.json("subtract", in -> {
            rig.clock.sleep(each);
            return JsonData.NODES.numberNode(in.get(0).asInt() - in.get(1).asInt());
        });
        return rig;
    }

    @Test
    void should_output_the_array_of_branch_results_when_following_the_parallel_add_subtract_example() {
        TestRig rig = arithmeticRig(Duration.ofSeconds(10));

        WorkflowResult result = rig.run(ADD_SUBTRACT, "[3, 2]");

        assertThat(result.output()).isEqualTo("[5,1]");
        // the branches ran concurrently: 10 s, not 20 s
        assertThat(rig.clock.now()).isEqualTo(Duration.ofSeconds(10));
        assertThat(result.transitions()).isEqualTo(3);
    }

    @Test
    void should_fail_the_parallel_state_with_the_branch_error_and_let_its_catcher_see_it() {
        TestRig rig = new TestRig();
        rig.functions.json("ok", in -> in);
        String definition = """
                {"StartAt": "P", "States": {
                   "P": {"Type": "Parallel", "Next": "Done", "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "ok", "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Fail", "Error": "BranchBroke", "Cause": "b"}}}],
                    "Catch": [{"ErrorEquals": ["BranchBroke"], "ResultPath": "$.error", "Next": "Handled"}]},
                   "Done": {"Type": "Succeed"},
                   "Handled": {"Type": "Pass", "End": true}}}""";

        WorkflowResult result = rig.run(definition, "{\"x\": 1}");

        assertThat(json(result.output()).at("/error/Error").asText()).isEqualTo("BranchBroke");
    }

    @Test
    void should_build_iteration_inputs_with_item_selector_when_following_the_map_state_example() {
        // Developer guide, "Map state in Inline mode": the shipping example with InputPath $.detail, ItemsPath
        // $.shipped, ItemSelector {"parcel.$": "$$.Map.Item.Value", "courier.$": "$.delivery-partner"} and
        // ResultPath $.detail.shipped.
        TestRig rig = new TestRig();
        rig.functions.json("ship-val", in -> json("{\"prod\": \"" + in.at("/parcel/prod").asText() + "\", \"courier\": \""
                + in.get("courier").asText() + "\", \"valid\": true}"));
        String definition = """
                {"StartAt": "Validate-All", "States": {"Validate-All": {"Type": "Map",
                   "InputPath": "$.detail", "ItemsPath": "$.shipped", "MaxConcurrency": 0,
                   "ItemSelector": {"parcel.$": "$$.Map.Item.Value", "courier.$": "$.delivery-partner"},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Validate",
                      "States": {"Validate": {"Type": "Task",
                         "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ship-val", "End": true}}},
                   "ResultPath": "$.detail.shipped", "End": true}}}""";
        String input = """
                {"ship-date": "2016-03-14T01:59:00Z",
                 "detail": {"delivery-partner": "UQS", "shipped": [
                    {"prod": "R31", "dest-code": 9511, "quantity": 1344},
                    {"prod": "S39", "dest-code": 9511, "quantity": 40},
                    {"prod": "R31", "dest-code": 9833, "quantity": 12},
                    {"prod": "R40", "dest-code": 9860, "quantity": 887},
                    {"prod": "R40", "dest-code": 9511, "quantity": 1220}]}}""";

        WorkflowResult result = rig.run(definition, input);

        var out = json(result.output());
        assertThat(out.get("ship-date").asText()).isEqualTo("2016-03-14T01:59:00Z");
        assertThat(out.at("/detail/shipped")).hasSize(5);
        assertThat(out.at("/detail/shipped/1")).isEqualTo(json("{\"prod\": \"S39\", \"courier\": \"UQS\", \"valid\": true}"));
        assertThat(out.at("/detail/delivery-partner").asText()).isEqualTo("UQS");
    }

    @Test
    void should_expose_item_index_and_value_in_the_context_object() {
        // Developer guide, "Map state context object": ContextIndex.$ / ContextValue.$.
        TestRig rig = new TestRig();
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map",
                   "ItemSelector": {"ContextIndex.$": "$$.Map.Item.Index", "ContextValue.$": "$$.Map.Item.Value"},
                   "Iterator": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}},
                   "End": true}}}""";

        WorkflowResult result = rig.run(definition, "[\"a\", \"b\"]");

        assertThat(json(result.output())).isEqualTo(json("""
                [{"ContextIndex": 0, "ContextValue": "a"}, {"ContextIndex": 1, "ContextValue": "b"}]"""));
    }

    private static TestRig concurrencyRig(AtomicInteger running, AtomicInteger peak) {
        TestRig rig = new TestRig();
        rig.functions.json("work", in -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            rig.clock.sleep(Duration.ofSeconds(10));
            running.decrementAndGet();
            return JsonData.NODES.numberNode(in.asInt() * 10);
        });
        return rig;
    }

    private static String mapWith(int maxConcurrency) {
        return """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": %d,
                   "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "work", "End": true}}},
                   "End": true}}}""".formatted(maxConcurrency);
    }

    @Test
    void should_run_at_most_max_concurrency_iterations_at_once() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        TestRig rig = concurrencyRig(running, peak);

        WorkflowResult result = rig.run(mapWith(2), "[1, 2, 3, 4, 5]");

        assertThat(result.output()).isEqualTo("[10,20,30,40,50]");
        assertThat(peak.get()).isEqualTo(2);
        assertThat(rig.clock.now()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.transitions()).isEqualTo(1 + 5);
    }

    @Test
    void should_run_all_iterations_at_once_when_max_concurrency_is_0() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        TestRig rig = concurrencyRig(running, peak);

        rig.run(mapWith(0), "[1, 2, 3, 4, 5]");

        assertThat(peak.get()).isEqualTo(5);
        assertThat(rig.clock.now()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void should_fail_the_map_state_with_the_iteration_error_and_stop_starting_new_iterations() {
        TestRig rig = new TestRig();
        rig.functions.json("work", in -> {
            rig.clock.sleep(Duration.ofSeconds(1));
            if (in.asInt() == 2) {
                throw new IllegalArgumentException("bad item 2");
            }
            return in;
        });
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
                   "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "work", "End": true}}},
                   "End": true}}}""";

        WorkflowResult result = rig.run(definition, "[1, 2, 3, 4]");

        assertThat(result.error()).isEqualTo("IllegalArgumentException");
        assertThat(rig.functions.calls("work")).hasSize(2);
    }

    @Test
    void should_fail_with_states_runtime_when_items_path_is_not_an_array() {
        WorkflowResult result = new TestRig().run(mapWith(1), "{\"not\": \"an array\"}");

        assertThat(result.error()).isEqualTo("States.Runtime");
    }

    @Test
    void should_run_parallel_branches_on_threads_under_the_wall_clock() {
        WallClock clock = new WallClock(1, 0.0);
        FixtureFunctionRuntime functions = new FixtureFunctionRuntime(clock);
        functions.json("add", in -> JsonData.NODES.numberNode(in.get(0).asInt() + in.get(1).asInt()));
        functions.json("subtract", in -> JsonData.NODES.numberNode(in.get(0).asInt() - in.get(1).asInt()));
        AslWorkflowEngine engine = new AslWorkflowEngine(functions, clock, LatencyModel.ZERO, EventSink.NONE);

        WorkflowResult result = engine.execute("wall", ADD_SUBTRACT, "[3, 2]");

        assertThat(result.output()).isEqualTo("[5,1]");
    }
}
