package dev.fameharness.runner.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.runner.deploy.StackTemplate;
import dev.fameharness.runner.preset.PresetCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The collectors of a cloud run, through the real SDK clients, on response documents in the shapes the AWS API
 * references document (src/test/resources/aws). Expected figures are computed here from the fixtures themselves.
 */
class CollectorsTest {

    private FakeAws aws;
    private CloudClients clients;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        clients = CloudClients.create(Optional.of("us-east-1"), Optional.of(aws.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    /** A fixture's epoch-seconds timestamp of the first event of {@code type}, as an Instant (exact decimal). */
    static Instant at(JsonNode events, String type, int occurrence) {
        int seen = 0;
        for (JsonNode e : events) {
            if (e.path("type").asText().equals(type) && seen++ == occurrence) {
                BigDecimal s = e.path("timestamp").decimalValue();
                long secs = s.longValue();
                long nanos = s.subtract(BigDecimal.valueOf(secs)).movePointRight(9).longValue();
                return Instant.ofEpochSecond(secs, nanos);
            }
        }
        throw new AssertionError("no " + type + " #" + occurrence + " in the fixture");
    }

    static long micros(Instant a, Instant b) {
        return java.time.Duration.between(a, b).toNanos() / 1000;
    }

    static int count(JsonNode events, String suffix) {
        int n = 0;
        for (JsonNode e : events) {
            if (e.path("type").asText().endsWith(suffix)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void should_time_the_execution_and_each_state_as_the_history_timestamps_say_when_the_turn_succeeded() throws Exception {
        String fixture = FakeAws.resource("history-succeeded.json").replace("${input}", "{}").replace("${output}", "{}");
        aws.on("GetExecutionHistory", body -> fixture);
        JsonNode events = FakeAws.JSON.readTree(fixture).path("events");

        ExecutionRecord r = ExecutionHistories.read(clients.sfn(), "arn:aws:states:us-east-1:123456789012:execution:x:y");

        assertThat(r.succeeded()).isTrue();
        assertThat(r.latencyMicros()).isEqualTo(micros(at(events, "ExecutionStarted", 0), at(events, "ExecutionSucceeded", 0)));
        assertThat(r.transitions()).isEqualTo(count(events, "StateEntered"));
        assertThat(r.lambdaInvocations()).isEqualTo(count(events, "LambdaFunctionScheduled"));
        assertThat(r.states()).extracting(ExecutionRecord.StateTiming::name)
                .containsExactly("Plan", "Act", "Evaluate", "Accepted?", "Done");
        for (int i = 0; i < 3; i++) {
            ExecutionRecord.StateTiming s = r.states().get(i);
            assertThat(s.micros()).as(s.name()).isEqualTo(micros(at(events, "TaskStateEntered", i), at(events, "TaskStateExited", i)));
            assertThat(micros(s.lambdaScheduled(), s.lambdaEnd())).as(s.name() + " lambda")
                    .isEqualTo(micros(at(events, "LambdaFunctionScheduled", i), at(events, "LambdaFunctionSucceeded", i)));
            assertThat(s.outcome()).isEqualTo("succeeded");
        }
        assertThat(r.states().get(0).function()).endsWith("PlannerFunction");
        assertThat(FakeAws.JSON.readTree(aws.bodies("GetExecutionHistory").get(0)).path("executionArn").asText())
                .endsWith(":y");
    }

    @Test
    void should_keep_the_error_and_cause_and_the_unfinished_state_when_the_execution_failed() throws Exception {
        String fixture = FakeAws.resource("history-failed.json").replace("${input}", "{}");
        aws.on("GetExecutionHistory", body -> fixture);
        JsonNode events = FakeAws.JSON.readTree(fixture).path("events");
        JsonNode failed = events.get(events.size() - 1).path("executionFailedEventDetails");

        ExecutionRecord r = ExecutionHistories.read(clients.sfn(), "arn:x");

        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).isEqualTo(failed.path("error").asText());
        assertThat(r.cause()).isEqualTo(failed.path("cause").asText());
        assertThat(r.latencyMicros()).isEqualTo(micros(at(events, "ExecutionStarted", 0), at(events, "ExecutionFailed", 0)));
        assertThat(r.lambdaFailures()).isEqualTo(1);
        assertThat(r.states().get(0).outcome()).isEqualTo("failed");
        assertThat(r.states().get(r.states().size() - 1).name()).isEqualTo("Failed");
        assertThat(r.states().get(r.states().size() - 1).micros()).as("never exited").isEqualTo(-1);
    }

    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: (\\S+)\\tDuration: ([0-9.]+) ms\\t"
            + "Billed Duration: ([0-9.]+) ms\\tMemory Size: ([0-9]+) MB\\tMax Memory Used: ([0-9]+) MB\\t"
            + "(?:Init Duration: ([0-9.]+) ms\\t)?\\n");

    @Test
    void should_frame_each_invocation_by_request_id_and_match_it_to_the_turn_its_events_name() throws Exception {
        String fixture = FakeAws.resource("filter-log-events.json").replace("${turn1}", "s01-t01")
                .replace("${session1}", "s01").replace("${turn3}", "s02-t01").replace("${session3}", "s02");
        aws.on("FilterLogEvents", body -> fixture);
        Map<String, String[]> reports = new TreeMap<>();
        for (JsonNode e : FakeAws.JSON.readTree(fixture).path("events")) {
            Matcher m = REPORT.matcher(e.path("message").asText());
            if (m.matches()) {
                reports.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
            }
        }

        List<FunctionLogs.Invocation> invocations = FunctionLogs.collect(clients.logs(), "fame-test-PlannerFunction",
                Instant.ofEpochSecond(1764601100), Instant.ofEpochSecond(1764601300));

        assertThat(invocations).hasSize(reports.size());
        for (FunctionLogs.Invocation i : invocations) {
            String[] want = reports.get(i.requestId());
            LambdaReport r = i.report().orElseThrow();
            assertThat(r.durationMs()).isEqualTo(Double.parseDouble(want[0]));
            assertThat(r.billedDurationMs()).isEqualTo(Double.parseDouble(want[1]));
            assertThat(r.memorySizeMb()).isEqualTo(Double.parseDouble(want[2]));
            assertThat(r.maxMemoryUsedMb()).isEqualTo(Double.parseDouble(want[3]));
            assertThat(r.initDurationMs()).isEqualTo(want[4] == null ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(want[4])));
        }
        assertThat(invocations.stream().filter(i -> i.report().orElseThrow().cold()).count()).isEqualTo(1);
        assertThat(invocations).extracting(FunctionLogs.Invocation::turn).containsExactlyInAnyOrder("s01-t01", "s01-t01",
                "s02-t01");
        FunctionLogs.Invocation actor = invocations.stream().filter(i -> i.events().size() == 2).findFirst().orElseThrow();
        assertThat(actor.events()).hasAtLeastOneElementOfType(Event.ToolCall.class);
        JsonNode request = FakeAws.JSON.readTree(aws.bodies("FilterLogEvents").get(0));
        assertThat(request.path("logGroupName").asText()).isEqualTo("/aws/lambda/fame-test-PlannerFunction");
        assertThat(request.path("startTime").asLong()).isEqualTo(1764601100_000L);
    }

    @Test
    void should_sum_a_metrics_data_points_and_mark_a_metric_without_data_points_not_measured() throws Exception {
        String fixture = FakeAws.resource("get-metric-data.json");
        aws.on("GetMetricData", body -> fixture);
        double reads = 0;
        for (JsonNode v : FakeAws.JSON.readTree(fixture).path("MetricDataResults").get(0).path("Values")) {
            reads += v.asDouble();
        }

        Map<String, OptionalDouble> m = ServiceMetrics.collect(clients.metrics(), Optional.of("fame-fame-abc"),
                Optional.empty(), StackTemplate.METRICS_FILTER_ID, Instant.ofEpochSecond(1764601190),
                Instant.ofEpochSecond(1764601290));

        assertThat(m.get("dynamodb.ConsumedReadCapacityUnits")).isEqualTo(OptionalDouble.of(reads));
        assertThat(m.get("dynamodb.ConsumedWriteCapacityUnits")).as("no data points: not measured, not 0").isEmpty();
        assertThat(m).doesNotContainKey("s3.GetRequests");
        assertThat(aws.bodies("GetMetricData")).hasSize(1);
    }

    @Test
    void should_read_back_every_event_kind_the_handlers_write_to_their_logs() {
        Tags tags = new Tags("fame", "s01", "s01-t02", "planner");
        List<Event> events = new ArrayList<>(List.of(
                new Event.LlmCall(12, tags, "gpt-4o-mini", 1500, 1024, 200, 900_000, "ok"),
                new Event.StoreOp(13, tags, "dynamodb", "put", 1200, Event.StoreOp.units(Map.of("dynamodb.wru", 2.0)),
                        8000, "ok"),
                new Event.CacheLookup(14, tags, "paper-tools", "fetch_paper", "hit", 300, 48_000)));

        for (Event e : events) {
            assertThat(FameEvents.parse(FameEvents.PREFIX + EventLog.toJson(e) + "\n")).contains(e);
        }
        assertThat(FameEvents.parse("START RequestId: 1 Version: $LATEST")).isEmpty();
        assertThatThrownBy(() -> FameEvents.parse("FAME_EVENT {\"kind\":\"Nope\"}"))
                .hasMessageContaining("unknown event kind 'Nope'");
    }

    private static String outputsXml(Map<String, String> outputs) {
        StringBuilder b = new StringBuilder();
        outputs.forEach((k, v) -> b.append("          <member><OutputKey>").append(k).append("</OutputKey><OutputValue>")
                .append(v).append("</OutputValue></member>\n"));
        return b.toString();
    }

    static String describeStacks(String stack, String status, Map<String, String> outputs) {
        return FakeAws.resource("describe-stacks.xml").replace("${stack}", stack).replace("${status}", status)
                .replace("${outputs}", outputsXml(outputs));
    }

    /** The outputs a deployed stack of {@code preset} reports (its template's Outputs, with values AWS would fill). */
    static Map<String, String> outputsOf(String preset, String stack, String token) {
        var p = PresetCatalog.discover().get(preset);
        JsonNode outputs = new StackTemplate(p, stack, "r1", token, "paper-tools").toJson().path("Outputs");
        Map<String, String> values = new TreeMap<>();
        outputs.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue().path("Value");
            values.put(e.getKey(), v.isTextual() ? v.asText()
                    : e.getKey().equals("StateMachineArn") ? "arn:aws:states:us-east-1:123456789012:stateMachine:" + stack + "-turn"
                    : e.getKey().equals("TableName") || e.getKey().equals("BucketName")
                            ? dev.fameharness.runner.engine.ArchitectureFactory.storeName(p, token)
                    : stack + "-" + e.getKey().replace("Name", ""));
        });
        return values;
    }

    @Test
    void should_accept_a_stack_of_the_preset_and_refuse_one_of_another_preset_or_with_missing_outputs() {
        Map<String, String> fame = outputsOf("fame", "fame-a", "r1s1");
        aws.on("DescribeStacks", body -> body.contains("StackName=fame-a") ? describeStacks("fame-a", "CREATE_COMPLETE", fame)
                : body.contains("StackName=half") ? describeStacks("half", "CREATE_COMPLETE", without(fame, "TableName"))
                : describeStacks("busy", "CREATE_IN_PROGRESS", fame));
        var preset = PresetCatalog.discover().get("fame");

        CloudStack ok = CloudStack.describe(clients.cfn(), "fame-a", preset, "paper-tools");

        assertThat(ok.table()).contains(fame.get("TableName"));
        assertThat(ok.stateMachineArn()).isEqualTo(fame.get("StateMachineArn"));
        assertThat(ok.functions()).containsKeys("PlannerFunction", "ActorFunction", "EvaluatorFunction", "ToolServerFunction");
        assertThatThrownBy(() -> CloudStack.describe(clients.cfn(), "fame-a", PresetCatalog.discover().get("fame-fused"),
                "paper-tools")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("runs preset 'fame', the experiment asks for 'fame-fused'");
        assertThatThrownBy(() -> CloudStack.describe(clients.cfn(), "half", preset, "paper-tools"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing [TableName]");
        assertThatThrownBy(() -> CloudStack.describe(clients.cfn(), "busy", preset, "paper-tools"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CREATE_IN_PROGRESS");
    }

    private static Map<String, String> without(Map<String, String> m, String key) {
        Map<String, String> copy = new TreeMap<>(m);
        copy.remove(key);
        return copy;
    }
}
