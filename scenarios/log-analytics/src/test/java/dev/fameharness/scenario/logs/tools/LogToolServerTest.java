package dev.fameharness.scenario.logs.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.mcp.McpFunctionServer;
import dev.fameharness.mcp.McpToolGateway;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.scenario.logs.corpus.LogCorpus;
import dev.fameharness.scenario.logs.corpus.LogCorpusLoader;
import dev.fameharness.scenario.logs.corpus.LogSystem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The log tools through real MCP JSON-RPC, hosted as a function on the FaaS emulator, on real Loghub logs. */
class LogToolServerTest {

    static LogCorpus corpus;

    @BeforeAll
    static void load() {
        corpus = LogCorpusLoader.loadDefault();
    }

    /** Calls each (tool, arguments) pair over MCP and returns the results in order, plus the tool list. */
    private static Map<String, ToolResult> call(Map<String, String> calls, List<ToolDescriptor> listed) {
        VirtualClock clock = new VirtualClock(5);
        EventLog events = new EventLog();
        FaasEmulator faas = new FaasEmulator(clock, LatencyModel.ZERO, events, FaasConfig.defaults());
        McpFunctionServer.deploy(faas, new FunctionSpec(LogToolServer.SERVER, 512, Duration.ofSeconds(60), "python3.12"),
                new LogToolServer(corpus).spec(), clock, LatencyModel.ZERO);
        McpToolGateway gateway = McpToolGateway.of(faas, clock, events, LogToolServer.SERVER);
        return clock.run("test", () -> {
            listed.addAll(gateway.tools());
            Map<String, ToolResult> out = new LinkedHashMap<>();
            calls.forEach((key, v) -> {
                String[] toolAndArgs = v.split(" ", 2);
                out.put(key, gateway.call(LogToolServer.SERVER, toolAndArgs[0], toolAndArgs[1]));
            });
            return out;
        });
    }

    @Test
    void should_serve_the_whole_log_and_exact_counts_and_declare_every_tool_deterministic() {
        LogSystem hdfs = corpus.system("HDFS").orElseThrow();
        List<ToolDescriptor> listed = new java.util.ArrayList<>();
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("get", "get_log {\"system\":\"HDFS\"}");
        calls.put("warn", "query_log {\"system\":\"HDFS\",\"level\":\"WARN\",\"page_size\":2}");
        calls.put("templates", "template_stats {\"system\":\"HDFS\",\"limit\":3}");
        calls.put("list", "list_logs {}");
        Map<String, ToolResult> r = call(calls, listed);

        assertThat(listed).extracting(ToolDescriptor::name)
                .containsExactly("list_logs", "get_log", "query_log", "template_stats");
        assertThat(listed).allMatch(ToolDescriptor::deterministic);
        ToolResult get = r.get("get");
        assertThat(get.error()).as(get.content()).isFalse();
        assertThat(get.content()).startsWith("# log HDFS: 2000 lines; format: <Date> <Time> <Pid> <Level> <Component>: <Content>\n")
                .endsWith(hdfs.raw());
        assertThat(get.responseBytes()).isGreaterThan(hdfs.bytes());
        long warnLines = hdfs.truth().orElseThrow().rows().stream().filter(x -> x.column("Level").equals("WARN")).count();
        assertThat(warnLines).isPositive();
        assertThat(r.get("warn").content()).contains("matched: " + warnLines + " of 2000 lines")
                .contains("by level: WARN=" + warnLines);
        assertThat(r.get("warn").content().lines().filter(l -> l.startsWith("081")).count()).isEqualTo(2);
        assertThat(r.get("templates").content()).contains("1. count=").contains("template: ");
        assertThat(r.get("list").content()).contains("HDFS: 2000 lines, " + hdfs.bytes() + " bytes");
    }

    @Test
    void should_return_mcp_errors_naming_the_argument_when_arguments_are_bad() {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("system", "get_log {\"system\":\"Mainframe\"}");
        calls.put("regex", "query_log {\"system\":\"HDFS\",\"regex\":\"([a-\"}");
        calls.put("window", "query_log {\"system\":\"HDFS\",\"since\":\"2008-11-10 00:00:00\",\"until\":\"2008-11-09 00:00:00\"}");
        calls.put("page", "query_log {\"system\":\"HDFS\",\"page_size\":100000}");
        calls.put("time", "query_log {\"system\":\"HDFS\",\"since\":\"yesterday\"}");
        Map<String, ToolResult> r = call(calls, new java.util.ArrayList<>());

        Function<String, String> text = k -> r.get(k).content();
        assertThat(r.values()).allMatch(ToolResult::error);
        assertThat(text.apply("system")).contains("'system'").contains("Mainframe").contains("HDFS");
        assertThat(text.apply("regex")).contains("'regex'");
        assertThat(text.apply("window")).contains("'until'").contains("reversed");
        assertThat(text.apply("page")).contains("'page_size'").contains("100000");
        assertThat(text.apply("time")).contains("'since'").contains("yesterday");
    }

    @Test
    void should_count_a_time_window_half_open_on_a_real_log() {
        LogSystem hdfs = corpus.system("HDFS").orElseThrow();
        var first = hdfs.lines().get(0).time().orElseThrow();
        LogQuery.Result r = LogQuery.run(hdfs, new LogQuery.Filter("", "", first, first.plusSeconds(1), "", null));

        assertThat(r.count()).isEqualTo(hdfs.lines().stream().filter(l -> l.time().orElseThrow().equals(first)).count());
        assertThat(LogToolServer.getLog(hdfs).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(262_144);
    }
}
