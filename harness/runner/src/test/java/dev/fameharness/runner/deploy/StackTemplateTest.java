package dev.fameharness.runner.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template of every preset, read back as CloudFormation would: resources, sizes, the ASL, IAM, tags. */
class StackTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PresetCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = PresetCatalog.discover();
    }

    private static JsonNode template(String preset) throws Exception {
        StackTemplate t = new StackTemplate(catalog.get(preset), "fame-" + preset, "run-1", "run1s1", "papers");
        return JSON.readTree(t.render());
    }

    private static JsonNode props(JsonNode t, String id) {
        return t.path("Resources").path(id).path("Properties");
    }

    private static List<String> actions(JsonNode role) {
        List<String> out = new ArrayList<>();
        role.path("Properties").path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement")
                .forEach(s -> s.path("Action").forEach(a -> out.add(a.asText()))));
        return out;
    }

    @Test
    void should_substitute_only_the_function_arns_in_the_asl_the_local_interpreter_runs_for_every_workflow_preset()
            throws Exception {
        for (String name : catalog.names()) {
            StackTemplate st = new StackTemplate(catalog.get(name), "s", "r", "rs1", "papers");
            JsonNode t = JSON.readTree(st.render());
            if (st.localDefinition().isEmpty()) {
                assertThat(t.path("Resources").has("StateMachine")).as(name).isFalse();
                continue;
            }
            JsonNode sub = props(t, "StateMachine").path("DefinitionString").path("Fn::Sub");
            String deployed = sub.get(0).asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = sub.get(1).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                String function = v.getValue().path("Fn::GetAtt").get(0).asText();
                assertThat(v.getValue().path("Fn::GetAtt").get(1).asText()).isEqualTo("Arn");
                String fnName = props(t, function).path("FunctionName").asText().substring(2);
                deployed = deployed.replace("${" + v.getKey() + "}", StackTemplate.LOCAL_ARN_PREFIX + fnName);
            }
            assertThat(deployed).as(name).isEqualTo(st.localDefinition().get());
            assertThat(sub.get(0).asText()).as(name).doesNotContain("000000000000");
        }
    }

    @Test
    void should_size_functions_from_the_preset_and_deploy_one_per_role_of_its_topology() throws Exception {
        Preset fame = catalog.get("fame").with(Map.of("function_memory_mb", 2048L), "test");
        JsonNode t = JSON.readTree(new StackTemplate(fame, "s", "r", "rs1", "papers").render());

        for (String role : List.of("PlannerFunction", "ActorFunction", "EvaluatorFunction")) {
            assertThat(props(t, role).path("MemorySize").asInt()).isEqualTo(2048);
            assertThat(props(t, role).path("Timeout").asInt()).isEqualTo(300);
            assertThat(props(t, role).path("Runtime").asText()).isEqualTo("java21");
        }
        assertThat(props(t, "PlannerFunction").path("Handler").asText())
                .isEqualTo("dev.fameharness.aws.PlannerHandler::handleRequest");
        assertThat(props(t, "ToolServerFunction").path("MemorySize").asInt()).isEqualTo(512);
        JsonNode fused = template("fame-fused");
        assertThat(props(fused, "AgentFunction").path("Handler").asText()).contains("FusedAgentHandler");
        assertThat(props(fused, "AgentFunction").path("Timeout").asInt()).isEqualTo(900);
        assertThat(fused.path("Resources").has("PlannerFunction")).isFalse();
        assertThat(props(template("monolithic"), "AgentFunction").path("Handler").asText()).contains("MonolithicAgentHandler");
    }

    @Test
    void should_declare_on_demand_table_with_ttl_and_bucket_expiring_the_cache_after_its_ttl() throws Exception {
        JsonNode t = template("fame");

        assertThat(props(t, "StateTable").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(props(t, "StateTable").path("TableName").asText()).isEqualTo("fame-fame-run1s1");
        assertThat(props(t, "StateTable").path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
        JsonNode rule = props(t, "ArtifactsBucket").path("LifecycleConfiguration").path("Rules").get(0);
        assertThat(rule.path("Prefix").asText()).isEqualTo("toolcache/");
        assertThat(rule.path("ExpirationInDays").asLong()).isEqualTo(1);
        Preset longer = catalog.get("fame").with(Map.of("cache_ttl", "PT49H"), "test");
        assertThat(new StackTemplate(longer, "s", "r", "rs1", "papers").cacheDays()).isEqualTo(3);
        assertThat(template("stateless-payload").path("Resources").has("StateTable")).isFalse();
        assertThat(template("fame-redis").path("Resources").path("Cache").path("Type").asText())
                .isEqualTo("AWS::ElastiCache::ServerlessCache");
        assertThat(template("fame").path("Resources").has("Cache")).isFalse();
    }

    @Test
    void should_grant_each_function_only_its_own_stores_logs_and_calls() throws Exception {
        JsonNode t = template("fame");
        JsonNode res = t.path("Resources");

        assertThat(actions(res.path("PlannerFunctionRole"))).contains("dynamodb:GetItem", "s3:GetObject")
                .doesNotContain("lambda:InvokeFunction").noneMatch(a -> a.endsWith("*"));
        assertThat(actions(res.path("ActorFunctionRole"))).contains("lambda:InvokeFunction");
        assertThat(actions(res.path("ToolServerFunctionRole")))
                .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(actions(res.path("StateMachineRole"))).containsExactly("lambda:InvokeFunction");
        JsonNode smResources = res.path("StateMachineRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument").path("Statement").get(0).path("Resource");
        assertThat(smResources).extracting(r -> r.path("Fn::GetAtt").get(0).asText())
                .containsExactlyInAnyOrder("PlannerFunction", "ActorFunction", "EvaluatorFunction");
        res.fields().forEachRemaining(e -> e.getValue().path("Properties").path("Policies").forEach(p ->
                p.path("PolicyDocument").path("Statement").forEach(s -> s.path("Resource").forEach(r ->
                        assertThat(r.asText()).as(e.getKey()).isNotEqualTo("*")))));
    }

    @Test
    void should_tag_every_resource_with_stack_run_and_preset() throws Exception {
        for (String preset : List.of("fame", "fame-redis", "monolithic", "single-s3")) {
            JsonNode t = template(preset);
            t.path("Resources").fields().forEachRemaining(e -> {
                JsonNode tags = e.getValue().path("Properties").path("Tags");
                assertThat(tags.isArray()).as("%s %s has tags", preset, e.getKey()).isTrue();
                List<String> keys = new ArrayList<>();
                tags.forEach(tag -> keys.add(tag.path("Key").asText() + "=" + tag.path("Value").asText()));
                assertThat(keys).as(e.getKey()).contains("fame:stack=fame-" + preset, "fame:run=run-1",
                        "fame:preset=" + preset);
            });
        }
    }

    @Test
    void should_publish_bucket_request_metrics_and_name_the_preset_and_namespace_in_the_outputs() throws Exception {
        JsonNode t = template("fame");

        assertThat(props(t, "ArtifactsBucket").path("MetricsConfigurations").get(0).path("Id").asText())
                .isEqualTo(StackTemplate.METRICS_FILTER_ID);
        assertThat(t.path("Outputs").path("MetricsFilterId").path("Value").asText())
                .isEqualTo(StackTemplate.METRICS_FILTER_ID);
        assertThat(t.path("Outputs").path("Preset").path("Value").asText()).isEqualTo("fame");
        assertThat(t.path("Outputs").path("RunId").path("Value").asText()).isEqualTo("run-1");
        assertThat(t.path("Outputs").path("RunToken").path("Value").asText()).isEqualTo("run1s1");
        assertThat(template("stateless-payload").path("Outputs").has("MetricsFilterId")).as("no bucket").isFalse();
    }

    @Test
    void should_refuse_a_stack_name_cloudformation_would_refuse() {
        assertThatThrownBy(() -> new StackTemplate(catalog.get("fame"), "9-bad_name", "r", "rs1", "papers"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--stack").hasMessageContaining("9-bad_name");
    }
}
