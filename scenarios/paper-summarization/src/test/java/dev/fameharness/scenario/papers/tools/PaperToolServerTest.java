package dev.fameharness.scenario.papers.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.mcp.McpFunctionServer;
import dev.fameharness.mcp.McpToolGateway;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import dev.fameharness.platform.metering.EventLog;
import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.JatsCorpusLoader;
import dev.fameharness.scenario.papers.library.PaperLibrary;
import dev.fameharness.scenario.papers.library.PaperTools;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The paper tools through real MCP JSON-RPC, hosted as a function on the FaaS emulator. */
class PaperToolServerTest {

    static Corpus corpus;
    static PaperLibrary library;

    @BeforeAll
    static void load() {
        corpus = JatsCorpusLoader.loadDefault();
        library = new PaperLibrary(corpus);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private record Call(List<ToolDescriptor> tools, ToolResult fetch, ToolResult badId, ToolResult badLimit,
                        ToolResult section, long elapsedMs, List<Event.ToolCall> events) {
    }

    private static Call run() {
        VirtualClock clock = new VirtualClock(3);
        EventLog events = new EventLog();
        LatencyModel fixed = new LatencyModel() {
            @Override
            public Duration sample(String operation, long quantity) {
                return operation.startsWith("mcp.tool.") ? Duration.ofMillis(100) : Duration.ZERO;
            }

            @Override
            public boolean has(String operation) {
                return true;
            }
        };
        FaasEmulator faas = new FaasEmulator(clock, fixed, events, FaasConfig.defaults());
        McpFunctionServer.deploy(faas, new FunctionSpec("papers", 512, Duration.ofSeconds(60), "python3.12"),
                PaperToolServer.spec(new PaperTools(library)), clock, fixed);
        McpToolGateway gateway = McpToolGateway.of(faas, clock, events, "papers");
        String id = corpus.papers().get(0).id();
        return clock.run("test", () -> {
            List<ToolDescriptor> tools = gateway.tools();
            long t0 = clock.now().toMillis();
            ToolResult fetch = gateway.call("papers", "fetch_paper", "{\"paper_id\":\"" + id + "\"}");
            long elapsed = clock.now().toMillis() - t0;
            ToolResult badId = gateway.call("papers", "fetch_paper", "{\"paper_id\":\"no-such-paper\"}");
            ToolResult badLimit = gateway.call("papers", "search_papers", "{\"query\":\"cells\",\"limit\":500}");
            ToolResult section = gateway.call("papers", "get_section", "{\"paper_id\":\"" + id + "\",\"section\":0}");
            return new Call(tools, fetch, badId, badLimit, section, elapsed, events.events(Event.ToolCall.class));
        });
    }

    @Test
    void should_list_the_four_deterministic_paper_tools_over_mcp() {
        Call c = run();
        assertThat(c.tools()).extracting(ToolDescriptor::name)
                .containsExactlyInAnyOrder("search_papers", "fetch_paper", "list_sections", "get_section");
        assertThat(c.tools()).allMatch(ToolDescriptor::deterministic);
    }

    @Test
    void should_return_the_paper_text_without_abstract_and_take_the_modeled_tool_latency() {
        Call c = run();
        String title = corpus.papers().get(0).title();
        assertThat(c.fetch().error()).isFalse();
        assertThat(c.fetch().content()).startsWith(title).contains("\n## ");
        assertThat(c.fetch().responseBytes()).isGreaterThan(c.fetch().content().length() / 2);
        assertThat(c.elapsedMs()).isGreaterThanOrEqualTo(100);
        assertThat(c.section().error()).isFalse();
        assertThat(c.section().content()).startsWith("## " + corpus.papers().get(0).sections().get(0).title());
        assertThat(c.events()).hasSize(4);
    }

    @Test
    void should_name_the_wrong_argument_when_arguments_are_invalid() {
        Call c = run();
        assertThat(c.badId().error()).isTrue();
        assertThat(c.badId().content()).contains("paper_id").contains("no-such-paper");
        assertThat(c.badLimit().error()).isTrue();
        assertThat(c.badLimit().content()).contains("limit");
    }
}
