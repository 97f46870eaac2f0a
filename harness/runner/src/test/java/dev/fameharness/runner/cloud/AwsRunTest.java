package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.baselines.PayloadStateCarrier;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.runner.engine.Harness;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.runner.report.ReportWriter;
import dev.fameharness.scenario.spi.Scenario;
import dev.fameharness.scenario.spi.ScenarioTurn;
import dev.fameharness.scenario.spi.ScenarioWorkload;
import dev.fameharness.storage.dynamodb.DynamoDbLocalServer;
import dev.fameharness.storage.s3.S3ProxyServer;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code fame run --target aws} end to end against an in-test server speaking the AWS APIs with documented response
 * shapes: the runner's workload drives one execution per turn, the results folder is a simulated run's with clock
 * aws, measured figures equal what the fixtures imply, a failed execution is a failed turn with its error and
 * cause, and {@code fame report} reads the folder.
 */
class AwsRunTest {

    private static final String STACK = "sp-stack";
    private static final long SEED = 7;

    @TempDir
    Path tmp;

    private FakeAws aws;
    private CloudClients clients;
    private Experiment experiment;
    /** The experiments' scenario, opened once: loading the corpus is the slow part of a run here. */
    private static Scenario scenario;
    private static List<ScenarioTurn> turns;

    @BeforeAll
    static void open(@TempDir Path dir) throws Exception {
        Experiment e = experiment(dir);
        scenario = ExperimentRunner.open(e);
        // the turns the run will drive: the runner's own workload for the experiment's size and seed
        ScenarioWorkload w = new Harness(scenario, Map.of(), CalibrationProfile.loadDefault(),
                Harness.simulatedModel(scenario)).workload(e.size(), SEED, e.workload());
        turns = new ArrayList<>(w.turns());
        turns.sort(java.util.Comparator.comparing(ScenarioTurn::turnId));
    }

    @AfterAll
    static void close() {
        scenario.close();
    }

    private static Experiment experiment(Path dir) throws Exception {
        Path yaml = dir.resolve("paper-reproduction.yaml");
        Files.writeString(yaml, "name: paper-reproduction\nscenario: paper-summarization\nsize: quick\n"
                + "presets: [stateless-payload]\nbaseline: stateless-payload\nseeds: [" + SEED + "]\nmodel: simulated\n");
        return Experiment.load(yaml, PresetCatalog.discover());
    }

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        clients = CloudClients.create(Optional.of("us-east-1"), Optional.of(aws.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
        experiment = experiment(tmp);
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private AwsRun.Options options(double maxUsd) {
        return new AwsRun.Options(List.of(STACK), 0.0, Duration.ZERO, Duration.ZERO, 1, maxUsd, false,
                PriceFileEstimate.withDefaults(), Map.of(), "us-east-1");
    }

    private static String name(String body) {
        try {
            JsonNode n = FakeAws.JSON.readTree(body);
            String v = n.has("name") ? n.path("name").asText() : n.path("executionArn").asText();
            return v.substring(v.lastIndexOf(':') + 1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Map<String, String> inputs = new java.util.concurrent.ConcurrentHashMap<>();

    /** The state machine name and execution name of an execution ARN (…:execution:<machine>:<name>). */
    private static String[] execution(String body) {
        try {
            String arn = FakeAws.JSON.readTree(body).path("executionArn").asText();
            String[] parts = arn.split(":");
            return new String[] {parts[parts.length - 2], parts[parts.length - 1]};
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers the stacks ({@code stack -> preset}): the execution named {@code failing} on {@code failingStack} fails,
     * every other succeeds; a stateless-payload execution answers with an answered state, any other returns its own
     * input (for a store-backed preset a reference to the state the client saved); the planner log group of
     * {@code failingStack} holds the fixture's log lines for {@code turn1} and {@code turn3}.
     */
    private void stacks(Map<String, String> presets, String failingStack, String failing, String turn1, String turn3)
            throws Exception {
        Map<String, Map<String, String>> outputs = new HashMap<>();
        presets.forEach((stack, preset) -> outputs.put(stack, CollectorsTest.outputsOf(preset, stack, "r1s7")));
        aws.on("DescribeStacks", body -> {
            String stack = body.replaceAll("(?s).*StackName=([A-Za-z0-9-]+).*", "$1");
            return CollectorsTest.describeStacks(stack, "CREATE_COMPLETE", outputs.get(stack));
        });
        aws.on("StartExecution", body -> {
            try {
                JsonNode n = FakeAws.JSON.readTree(body);
                String sm = n.path("stateMachineArn").asText();
                String machine = sm.substring(sm.lastIndexOf(':') + 1);
                inputs.put(machine + ":" + n.path("name").asText(), n.path("input").asText());
                return FakeAws.resource("start-execution.json").replace("fame-test-turn", machine)
                        .replace("${name}", n.path("name").asText());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String failingMachine = failingStack + "-turn";
        aws.on("DescribeExecution", body -> {
            String[] x = execution(body);
            boolean fails = x[0].equals(failingMachine) && x[1].endsWith("-" + failing);
            return FakeAws.resource(fails ? "describe-execution-failed.json" : "describe-execution-succeeded.json")
                    .replace("fame-test-turn", x[0]).replace("${name}", x[1]);
        });
        AgentState answered = AgentState.start(new TurnRequest("s", "t", "q")).withAnswer("The paper shows EGF signal "
                + "propagation through ROM-1 rhomboid in vulval development.");
        String payloadAnswer = new String(new PayloadStateCarrier().encode(answered), StandardCharsets.UTF_8);
        aws.on("GetExecutionHistory", body -> {
            String[] x = execution(body);
            String input = inputs.get(x[0] + ":" + x[1]);
            boolean payload = "stateless-payload".equals(presets.get(x[0].substring(0, x[0].length() - "-turn".length())));
            try {
                String inputJson = FakeAws.JSON.writeValueAsString(input);
                if (x[0].equals(failingMachine) && x[1].endsWith("-" + failing)) {
                    return FakeAws.resource("history-failed.json").replace("\"${input}\"", inputJson);
                }
                return FakeAws.resource("history-succeeded.json").replace("\"${input}\"", inputJson)
                        .replace("\"${output}\"", FakeAws.JSON.writeValueAsString(payload ? payloadAnswer : input));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        aws.on("GetMetricData", body -> FakeAws.resource("get-metric-data.json"));
        String planner = "/aws/lambda/" + outputs.get(failingStack).get("PlannerFunctionName");
        aws.on("FilterLogEvents", body -> body.contains("\"" + planner + "\"") ? logs(turn1, turn3)
                : FakeAws.resource("filter-log-events-empty.json"));
    }

    private void stack(String preset, String failing, String turn1, String turn3) throws Exception {
        stacks(Map.of(STACK, preset), STACK, failing, turn1, turn3);
    }

    private String logs(String turn1, String turn3) {
        ScenarioTurn t1 = turn(turn1);
        ScenarioTurn t3 = turn(turn3);
        return FakeAws.resource("filter-log-events.json").replace("${turn1}", t1.turnId())
                .replace("${session1}", t1.sessionId()).replace("${turn3}", t3.turnId())
                .replace("${session3}", t3.sessionId());
    }

    private ScenarioTurn turn(String id) {
        return turns.stream().filter(t -> t.turnId().equals(id)).findFirst().orElseThrow();
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, String turn) {
        return rows.stream().filter(r -> r.get("turn_id").equals(turn)).findFirst().orElseThrow();
    }

    @Test
    void should_write_a_simulated_runs_results_tree_with_clock_aws_and_the_measured_figures_the_fixtures_imply()
            throws Exception {
        String turn1 = turns.get(0).turnId();
        ScenarioTurn other = turns.stream().filter(t -> !t.sessionId().equals(turns.get(0).sessionId())).findFirst()
                .orElseThrow();
        String turn3 = other.turnId();
        String failing = turns.get(turns.size() - 1).turnId();
        // fame and the payload baseline, as the paper reproduction runs them; fame's table and bucket, which this
        // side writes the turn's starting state to, are a local DynamoDB Local and S3Proxy
        Path yaml = tmp.resolve("two.yaml");
        Files.writeString(yaml, "name: paper-reproduction\nscenario: paper-summarization\nsize: quick\n"
                + "presets: [fame, stateless-payload]\nbaseline: stateless-payload\nseeds: [" + SEED + "]\n"
                + "model: simulated\n");
        Experiment both = Experiment.load(yaml, PresetCatalog.discover());
        stacks(Map.of("fame-stack", "fame", STACK, "stateless-payload"), STACK, failing, turn1, turn3);
        AwsRun.Outcome out;
        try (DynamoDbLocalServer dynamo = new DynamoDbLocalServer();
             S3ProxyServer s3 = new S3ProxyServer()) {
            dynamo.start();
            s3.start();
            AwsRun.Options o = new AwsRun.Options(List.of(STACK, "fame-stack"), 0.0, Duration.ZERO, Duration.ZERO, 1,
                    100, false, PriceFileEstimate.withDefaults(), Map.of("dynamodb", dynamo.endpoint(), "s3",
                    s3.endpoint()), "us-east-1");
            out = AwsRun.run(both, scenario, tmp.resolve("results"), "cloud1", o, clients, l -> { });
        }

        Path dir = out.runDir();
        for (String f : List.of("turns.csv", "run.json", "summary.json", "summary.md", "costs.json", "states.csv",
                "lambda.csv", "cloud-metrics.json", "events/stateless-payload-seed7.jsonl.gz", "events/fame-seed7.jsonl.gz")) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        JsonNode info = FakeAws.JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(info.path("clock").asText()).isEqualTo("aws");
        assertThat(info.path("not_measured").toString()).contains("latency_us.*");
        // every turn ran once, as its own execution
        List<String> started = aws.bodies("StartExecution").stream().filter(b -> b.contains(STACK + "-turn"))
                .map(AwsRunTest::name).toList();
        assertThat(started).hasSize(turns.size()).doesNotHaveDuplicates();
        assertThat(aws.bodies("StartExecution")).hasSize(2 * turns.size());
        // a session's turns in order: a turn starts only after every earlier turn of its session (turns marked
        // simultaneous start together with the turn before them)
        List<ScenarioTurn> order = started.stream().map(n -> turns.stream().filter(t -> n.endsWith("-" + t.turnId()))
                .findFirst().orElseThrow()).toList();
        for (int i = 0; i < order.size(); i++) {
            ScenarioTurn t = order.get(i);
            List<ScenarioTurn> session = turns.stream().filter(x -> x.sessionId().equals(t.sessionId()))
                    .sorted(java.util.Comparator.comparingInt(ScenarioTurn::index)).toList();
            int head = session.indexOf(t);
            while (head > 0 && session.get(head).simultaneous()) {
                head--;
            }
            for (ScenarioTurn earlier : session.subList(0, head)) {
                assertThat(order.subList(0, i)).as(t.turnId() + " after " + earlier.turnId()).contains(earlier);
            }
        }

        List<CSVRecord> all = csv(dir.resolve("turns.csv"));
        assertThat(all).hasSize(2 * turns.size());
        List<CSVRecord> rows = all.stream().filter(r -> r.get("preset").equals("stateless-payload")).toList();
        assertThat(all.stream().filter(r -> r.get("preset").equals("fame")))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("completed"));
        JsonNode ok = FakeAws.JSON.readTree(FakeAws.resource("history-succeeded.json").replace("${input}", "{}")
                .replace("${output}", "{}")).path("events");
        CSVRecord r1 = row(rows, turn1);
        assertThat(r1.get("status")).isEqualTo("completed");
        assertThat(Long.parseLong(r1.get("latency_us"))).isEqualTo(CollectorsTest.micros(
                CollectorsTest.at(ok, "ExecutionStarted", 0), CollectorsTest.at(ok, "ExecutionSucceeded", 0)));
        assertThat(Long.parseLong(r1.get("transitions"))).isEqualTo(CollectorsTest.count(ok, "StateEntered"));
        // tokens, invocations, cold starts and GB-s of turn1 from the fixture's log lines
        String logs = logs(turn1, turn3);
        long plannerIn = 0;
        long actorIn = 0;
        long cached = 0;
        for (JsonNode e : FakeAws.JSON.readTree(logs).path("events")) {
            String m = e.path("message").asText();
            if (m.startsWith("FAME_EVENT ") && m.contains("\"LlmCall\"")) {
                JsonNode ev = FakeAws.JSON.readTree(m.substring("FAME_EVENT ".length()));
                if (ev.path("tags").path("turn").asText().equals(turn1)) {
                    if (ev.path("tags").path("role").asText().equals("planner")) {
                        plannerIn += ev.path("inputTokens").asLong();
                    } else {
                        actorIn += ev.path("inputTokens").asLong();
                    }
                    cached += ev.path("cachedInputTokens").asLong();
                }
            }
        }
        assertThat(Long.parseLong(r1.get("planner_input_tokens"))).isEqualTo(plannerIn);
        assertThat(Long.parseLong(r1.get("actor_input_tokens"))).isEqualTo(actorIn);
        assertThat(Double.parseDouble(r1.get("llm.cached_input_tokens"))).isEqualTo(cached);
        assertThat(Long.parseLong(r1.get("tool_calls"))).isEqualTo(1);
        Pattern reportLine = Pattern.compile("REPORT RequestId: (\\S+)\\tDuration: [0-9.]+ ms\\tBilled Duration: ([0-9.]+) ms"
                + "\\tMemory Size: ([0-9]+) MB");
        // turn1's invocations are the two whose frames hold its events: the cold planner and the warm actor
        double gbS = 0;
        int cold = 0;
        int reports = 0;
        for (JsonNode e : FakeAws.JSON.readTree(logs).path("events")) {
            String message = e.path("message").asText();
            Matcher m = reportLine.matcher(message);
            if (m.lookingAt() && !message.contains("0b9d3c1a")) { // request 0b9d3c1a... served turn3
                reports++;
                gbS += Double.parseDouble(m.group(2)) / 1000 * Double.parseDouble(m.group(3)) / 1024;
                cold += message.contains("Init Duration: ") ? 1 : 0;
            }
        }
        assertThat(Long.parseLong(r1.get("invocations"))).isEqualTo(reports);
        assertThat(Long.parseLong(r1.get("cold_starts"))).isEqualTo(cold).isEqualTo(1);
        assertThat(Double.parseDouble(r1.get("lambda.gb_s"))).isCloseTo(gbS, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Long.parseLong(row(rows, turn3).get("planner_input_tokens"))).isPositive();

        // the failed execution is a failed turn with its error and cause
        JsonNode bad = FakeAws.JSON.readTree(FakeAws.resource("history-failed.json").replace("${input}", "{}"))
                .path("events");
        CSVRecord f = row(rows, failing);
        assertThat(f.get("status")).isEqualTo("failed");
        assertThat(f.get("failure_reason")).isEqualTo(FailureReason.FUNCTION_TIMEOUT.label());
        assertThat(f.get("detail")).contains("Lambda.Unknown").contains("Task timed out after 300.00 seconds");
        assertThat(Long.parseLong(f.get("latency_us"))).isEqualTo(CollectorsTest.micros(
                CollectorsTest.at(bad, "ExecutionStarted", 0), CollectorsTest.at(bad, "ExecutionFailed", 0)));

        // per-state timing
        List<CSVRecord> states = csv(dir.resolve("states.csv"));
        CSVRecord plan = states.stream().filter(s -> s.get("preset").equals("stateless-payload")
                        && s.get("turn_id").equals(turn1) && s.get("state").equals("Plan"))
                .findFirst().orElseThrow();
        assertThat(Long.parseLong(plan.get("duration_us"))).isEqualTo(CollectorsTest.micros(
                CollectorsTest.at(ok, "TaskStateEntered", 0), CollectorsTest.at(ok, "TaskStateExited", 0)));
        // the turns without REPORT lines are said to be undercounted, not filled in
        assertThat(out.notMeasured()).anySatisfy(n -> assertThat(n).contains("have no REPORT line matched"));

        // store usage as CloudWatch measured it, for the preset with a table and bucket; a metric without data
        // points is not measured, never 0
        double reads = 0;
        for (JsonNode v : FakeAws.JSON.readTree(FakeAws.resource("get-metric-data.json")).path("MetricDataResults").get(0)
                .path("Values")) {
            reads += v.asDouble();
        }
        JsonNode cloud = FakeAws.JSON.readTree(dir.resolve("cloud-metrics.json").toFile());
        assertThat(cloud.path("fame").path("cloudwatch").path("dynamodb.ConsumedReadCapacityUnits").asDouble())
                .isEqualTo(reads);
        assertThat(cloud.path("fame").path("cloudwatch").has("dynamodb.ConsumedWriteCapacityUnits")).isFalse();
        assertThat(info.path("not_measured").toString()).contains("fame: CloudWatch dynamodb.ConsumedWriteCapacityUnits")
                .contains("fame: CloudWatch s3.GetRequests");
        assertThat(cloud.path("stateless-payload").path("cloudwatch").size()).as("no table, no bucket").isZero();

        // fame report treats the folder like any other run
        Path report = tmp.resolve("REPORT.md");
        new ReportWriter(tmp, tmp.resolve("results")).write(report);
        assertThat(Files.readString(report)).contains("paper-reproduction/cloud1").contains("Nothing is modeled");
    }

    @Test
    void should_refuse_before_starting_anything_when_the_stack_is_another_presets_or_the_estimate_is_above_max_usd()
            throws Exception {
        stack("fame-fused", "none", turns.get(0).turnId(), turns.get(1).turnId());

        assertThatThrownBy(() -> AwsRun.run(experiment, scenario, tmp.resolve("results"), "r", options(100), clients, l -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("runs preset 'fame-fused', the experiment asks for 'stateless-payload'");

        stack("stateless-payload", "none", turns.get(0).turnId(), turns.get(1).turnId());
        double estimate = PriceFileEstimate.withDefaults().usd(experiment.presets().get(0), turns, "simulated");
        assertThat(estimate).isPositive();
        assertThatThrownBy(() -> AwsRun.run(experiment, scenario, tmp.resolve("results"), "r", options(estimate / 2), clients,
                l -> { })).isInstanceOf(ConfigException.class).hasMessageContaining("above --max-usd");

        assertThat(aws.bodies("StartExecution")).isEmpty();
        assertThat(tmp.resolve("results")).doesNotExist();
    }

    @Test
    void should_refuse_a_stack_whose_table_already_holds_another_runs_state() throws Exception {
        Path yaml = tmp.resolve("fame.yaml");
        Files.writeString(yaml, "name: fame-aws\nscenario: paper-summarization\nsize: quick\npresets: [fame]\n"
                + "baseline: fame\nseeds: [" + SEED + "]\nmodel: simulated\n");
        Experiment fame = Experiment.load(yaml, PresetCatalog.discover());
        Map<String, String> outputs = CollectorsTest.outputsOf("fame", STACK, "r1s7");
        aws.on("DescribeStacks", body -> CollectorsTest.describeStacks(STACK, "CREATE_COMPLETE", outputs));
        // DynamoDB Scan (limit 1) finds an item: the earlier run's working state
        aws.on("Scan", body -> "{\"Count\":1,\"ScannedCount\":1,\"Items\":[{\"pk\":{\"S\":\"session/s01/memory\"}}]}");
        AwsRun.Options o = new AwsRun.Options(List.of(STACK), 0.0, Duration.ZERO, Duration.ZERO, 1, 100, false,
                PriceFileEstimate.withDefaults(), Map.of("dynamodb", aws.endpoint(), "s3", aws.endpoint()), "us-east-1");

        assertThatThrownBy(() -> AwsRun.run(fame, scenario, tmp.resolve("results"), "r", o, clients, l -> { }))
                .isInstanceOf(ConfigException.class).hasMessageContaining("already holds data")
                .hasMessageContaining(outputs.get("TableName"));
        assertThat(aws.bodies("StartExecution")).isEmpty();
    }
}
