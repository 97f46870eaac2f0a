package dev.fameharness.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.baselines.PayloadStateCarrier;
import dev.fameharness.strategies.topology.WorkflowTopology;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.engine.RunPlatform;
import dev.fameharness.runner.engine.Servers;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioOptions;
import dev.fameharness.scenario.spi.Scenarios;
import dev.fameharness.storage.BackendConfig;
import dev.fameharness.storage.ExistingState;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function role's Lambda handler, invoked in-process with the exact JSON the state machine sends it:
 * the execution input of a turn goes to the first Task, and since the Task states have no InputPath,
 * Parameters, ResultSelector, ResultPath or OutputPath, each function's output is the next one's input
 * unchanged; the Choice reads {@code $.verdict} and {@code $.iteration}. Stores are DynamoDB Local and S3Proxy
 * at endpoints, as the deployed functions reach DynamoDB and S3.
 */
class LambdaHandlersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TOKENS = new AtomicInteger();
    private static DynamoDbLocalServer dynamo;
    private static S3ProxyServer s3;

    @BeforeAll
    static void start() {
        dynamo = new DynamoDbLocalServer();
        dynamo.start();
        s3 = new S3ProxyServer(BackendConfig.DUMMY_ACCESS_KEY, BackendConfig.DUMMY_SECRET_KEY, Duration.ofSeconds(60));
        s3.start();
    }

    @AfterAll
    static void stop() {
        s3.close();
        dynamo.close();
    }

    private static Map<String, String> env(String preset) {
        Map<String, String> env = new HashMap<>();
        env.put("FAME_PRESET", preset);
        env.put("FAME_RUN_TOKEN", "lambda" + TOKENS.incrementAndGet());
        env.put("FAME_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("FAME_S3_ENDPOINT", s3.endpoint().toString());
        return env;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LambdaHandlersIT.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] invoke(FameLambdaHandler handler, byte[] payload, TestContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, context);
        return out.toByteArray();
    }

    /** What the separate workflow does with one turn: Plan, Act, Evaluate, and back to Plan until accepted. */
    private static JsonNode runSeparate(Map<String, String> env, byte[] input, TestContext log) throws IOException {
        PlannerHandler planner = new PlannerHandler(env);
        ActorHandler actor = new ActorHandler(env);
        EvaluatorHandler evaluator = new EvaluatorHandler(env);
        byte[] state = input;
        for (int i = 0; i < 5; i++) {
            state = invoke(evaluator, invoke(actor, invoke(planner, state, log), log), log);
            JsonNode control = JSON.readTree(state);
            if ("accept".equals(control.path("verdict").asText())) {
                return control;
            }
        }
        throw new AssertionError("no verdict accept after 5 iterations: " + new String(state, StandardCharsets.UTF_8));
    }

    @Test
    void should_be_the_exact_execution_input_the_harness_sends_when_loading_the_turn_start_event() throws IOException {
        byte[] fixture = resource("turn-start.json");
        JsonNode n = JSON.readTree(fixture);

        byte[] encoded = new PayloadStateCarrier().encode(AgentState.start(new TurnRequest(n.path("sessionId").asText(),
                n.path("turnId").asText(), n.path("state").path("request").asText())));

        assertThat(new String(fixture, StandardCharsets.UTF_8).strip())
                .isEqualTo(new String(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void should_pass_the_state_machine_payload_unchanged_between_tasks() throws IOException {
        for (WorkflowTopology.Variant v : WorkflowTopology.Variant.values()) {
            JsonNode states = JSON.readTree(WorkflowTopology.definition(v, 3)).path("States");
            for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
                JsonNode s = it.next().getValue();
                if ("Task".equals(s.path("Type").asText())) {
                    for (String path : new String[] {"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath"}) {
                        assertThat(s.has(path)).as("%s of a Task in %s", path, v).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void should_answer_a_turn_when_planner_actor_and_evaluator_handlers_get_the_workflow_payloads() throws IOException {
        TestContext log = new TestContext("planner");

        JsonNode done = runSeparate(env("stateless-payload"), resource("turn-start.json"), log);

        assertThat(done.path("state").path("answer").asText()).isNotBlank();
        assertThat(done.path("turnId").asText()).isEqualTo("s01-t01");
        assertThat(log.log).anySatisfy(l -> assertThat(l).startsWith(FameLambdaHandler.EVENT_LINE).contains("LlmCall"));
        assertThat(log.log).anySatisfy(l -> assertThat(l).contains("ToolCall").contains("fetch_paper"));
    }

    @Test
    void should_keep_state_and_memory_in_the_presets_table_and_bucket_when_fame_handlers_run_a_turn() throws IOException {
        Map<String, String> env = env("fame");
        var preset = PresetCatalog.discover().get("fame");
        byte[] input;
        // The client side of a turn (what `fame run --target aws` starts the execution with): the tiered carrier
        // saves the starting state and passes its reference.
        try (Servers servers = new Servers(Map.of("dynamodb", dynamo.endpoint(), "s3", s3.endpoint()), true);
             Scenario papers = Scenarios.discover().get("paper-summarization").open(ScenarioOptions.defaults())) {
            RunPlatform platform = new RunPlatform(RunPlatform.ClockMode.WALL, 0, CalibrationProfile.loadDefault(), 0.0);
            var arch = ArchitectureFactory.build(preset, platform, servers, papers.toolServers(),
                    Harness.simulatedModel(papers).apply(platform), env.get("FAME_RUN_TOKEN"));
            JsonNode start = JSON.readTree(resource("turn-start.json"));
            input = arch.carrier().encode(AgentState.start(new TurnRequest("s01", "s01-t01",
                    start.path("state").path("request").asText())));
        }
        assertThat(input.length).as("a reference, not the state").isLessThan(1_000);

        JsonNode done = runSeparate(env, input, new TestContext("planner"));

        String table = ArchitectureFactory.storeName(preset, env.get("FAME_RUN_TOKEN"));
        assertThat(done.path("verdict").asText()).isEqualTo("accept");
        assertThat(ExistingState.firstEntry(BackendConfig.local("dynamodb").withName(table)
                .withEndpoint(dynamo.endpoint()))).as("working state and memory in " + table).isPresent();
        assertThat(ExistingState.firstEntry(BackendConfig.local("s3").withName(table)
                .withEndpoint(s3.endpoint()))).as("artifacts and cached tool responses in " + table).isPresent();
    }

    @Test
    void should_answer_a_turn_in_one_invocation_when_the_fused_or_monolithic_handler_gets_the_turn() throws IOException {
        byte[] input = resource("turn-start.json");

        JsonNode monolithic = JSON.readTree(invoke(new MonolithicAgentHandler(env("monolithic")), input,
                new TestContext("agent")));

        assertThat(monolithic.path("verdict").asText()).isEqualTo("accept");
        assertThat(monolithic.path("state").path("answer").asText()).isNotBlank();

        Map<String, String> fusedEnv = env("fame-fused");
        var preset = PresetCatalog.discover().get("fame-fused");
        byte[] fusedInput;
        try (Servers servers = new Servers(Map.of("dynamodb", dynamo.endpoint(), "s3", s3.endpoint()), true);
             Scenario papers = Scenarios.discover().get("paper-summarization").open(ScenarioOptions.defaults())) {
            RunPlatform platform = new RunPlatform(RunPlatform.ClockMode.WALL, 0, CalibrationProfile.loadDefault(), 0.0);
            var arch = ArchitectureFactory.build(preset, platform, servers, papers.toolServers(),
                    Harness.simulatedModel(papers).apply(platform), fusedEnv.get("FAME_RUN_TOKEN"));
            fusedInput = arch.carrier().encode(AgentState.start(new TurnRequest("s01", "s01-t01",
                    JSON.readTree(input).path("state").path("request").asText())));
        }
        JsonNode fused = JSON.readTree(invoke(new FusedAgentHandler(fusedEnv), fusedInput, new TestContext("agent")));
        assertThat(fused.path("verdict").asText()).isEqualTo("accept");
    }

    @Test
    void should_answer_mcp_json_rpc_when_the_tool_server_handler_gets_tools_list_and_tools_call() throws IOException {
        ToolServerHandler tools = new ToolServerHandler(env("stateless-payload"));

        JsonNode list = JSON.readTree(invoke(tools, resource("tools-list.json"), new TestContext("paper-tools")));
        JsonNode call = JSON.readTree(invoke(tools, resource("tools-call-search.json"), new TestContext("paper-tools")));

        assertThat(list.path("id").asInt()).isEqualTo(1);
        assertThat(list.path("result").path("tools")).extracting(t -> t.path("name").asText())
                .contains("search_papers", "fetch_paper", "list_sections", "get_section");
        assertThat(call.path("id").asInt()).isEqualTo(2);
        assertThat(call.path("result").path("isError").asBoolean()).isFalse();
        assertThat(call.path("result").path("content").get(0).path("text").asText()).isNotBlank();
    }

    @Test
    void should_refuse_naming_the_variable_or_the_role_when_the_environment_does_not_fit() {
        Map<String, String> noPreset = env("fame");
        noPreset.remove("FAME_PRESET");
        Map<String, String> noTable = env("fame");
        noTable.remove("FAME_DYNAMODB_ENDPOINT");
        byte[] any = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> invoke(new PlannerHandler(noPreset), any, new TestContext("planner")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FAME_PRESET");
        assertThatThrownBy(() -> invoke(new PlannerHandler(noTable), any, new TestContext("planner")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FAME_DYNAMODB_ENDPOINT");
        assertThatThrownBy(() -> invoke(new PlannerHandler(env("monolithic")), any, new TestContext("planner")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PLANNER").hasMessageContaining("MONOLITHIC_AGENT");
    }
}
