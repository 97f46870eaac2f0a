package dev.fameharness.strategies.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.FakeToolGateway;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReferencingToolGatewayTest {

    private static final Pattern PART = Pattern.compile("^- offset=(\\d+) length=(\\d+): (.*)$", Pattern.MULTILINE);
    private static final String PAPER = "A Study of Naïve Things — with ümlauts\n"
            + "\n## Introduction\nWe study naïve things. Ça va.\n"
            + "\n## Method\nWe used € and 😀 as markers.\nMore method text.\n"
            + "\n### Sub-method\nDetails.\n"
            + "\n## Results\nIt worked.\n";

    private final MapValueStore artifacts = new MapValueStore("s3");

    private ReferencingToolGateway gateway(String content, long threshold) {
        FakeToolGateway inner = new FakeToolGateway()
                .tool("fetch", true, args -> content)
                .toolResult("broken", true, args -> new ToolResult("x".repeat(10_000), true, 10, 10_000));
        return new ReferencingToolGateway(inner, artifacts, threshold);
    }

    private record Part(long offset, long length, String title) {
    }

    private static List<Part> parts(String reference) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PART.matcher(reference);
        while (m.find()) {
            parts.add(new Part(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3)));
        }
        return parts;
    }

    private static String readArgs(String ref, long offset, long length) {
        return "{\"ref\":\"" + ref + "\",\"offset\":" + offset + ",\"length\":" + length + "}";
    }

    @Test
    void should_pass_result_through_when_it_is_not_over_the_threshold() {
        // given a threshold equal to the result's byte size
        int bytes = PAPER.getBytes(StandardCharsets.UTF_8).length;
        ReferencingToolGateway gateway = gateway(PAPER, bytes);

        // when
        ToolResult result = gateway.call(FakeToolGateway.SERVER, "fetch", "{\"paper_id\":\"P1\"}");

        // then
        assertThat(result.content()).isEqualTo(PAPER);
        assertThat(ArtifactRefs.refOf(result.content())).isEmpty();
        assertThat(artifacts.puts()).isEmpty();
    }

    @Test
    void should_store_artifact_and_return_reference_with_outline_when_result_is_large() {
        // given a threshold one byte below the result's size
        byte[] all = PAPER.getBytes(StandardCharsets.UTF_8);
        ReferencingToolGateway gateway = gateway(PAPER, all.length - 1);

        // when
        ToolResult result = gateway.call(FakeToolGateway.SERVER, "fetch", "{ \"paper_id\" : \"P1\" }");

        // then the artifact holds the exact bytes and the reference names it
        String ref = ArtifactRefs.refOf(result.content()).orElseThrow();
        assertThat(result.content()).startsWith(ArtifactRefs.header(ref, all.length) + "\n");
        assertThat(result.content()).contains("{\"paper_id\":\"P1\"}");
        assertThat(ref).startsWith("s3://artifacts/");
        assertThat(artifacts.get(ref)).hasValueSatisfying(v -> assertThat(v).isEqualTo(all));
        assertThat(result.error()).isFalse();

        // and the outline lists every heading, in order, with ranges that read back exactly that part
        List<Part> parts = parts(result.content());
        assertThat(parts).extracting(Part::title).containsExactly("Introduction", "Method", "Sub-method", "Results");
        long end = all.length;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            long next = i + 1 < parts.size() ? parts.get(i + 1).offset() : end;
            assertThat(p.offset() + p.length()).isEqualTo(next);
            String text = new String(Arrays.copyOfRange(all, (int) p.offset(), (int) (p.offset() + p.length())),
                    StandardCharsets.UTF_8);
            assertThat(text).startsWith("#").contains(p.title());
        }
        assertThat(parts.get(parts.size() - 1).offset() + parts.get(parts.size() - 1).length()).isEqualTo(all.length);

        // and read_artifact returns exactly those bytes
        Part method = parts.get(1);
        ToolResult read = gateway.call(ReferencingToolGateway.SERVER, ArtifactRefs.READ_TOOL,
                readArgs(ref, method.offset(), method.length()));
        assertThat(read.error()).isFalse();
        assertThat(read.content()).isEqualTo("## Method\nWe used € and 😀 as markers.\nMore method text.\n\n");
        assertThat(read.responseBytes()).isEqualTo(method.length());
    }

    @Test
    void should_list_whole_content_as_one_part_when_there_is_no_heading() {
        String plain = "no headings here\n".repeat(20);
        ReferencingToolGateway gateway = gateway(plain, 10);

        ToolResult result = gateway.call(FakeToolGateway.SERVER, "fetch", "{}");

        assertThat(parts(result.content())).containsExactly(new Part(0, plain.length(), "whole content"));
    }

    @Test
    void should_pass_error_through_when_error_result_is_large() {
        ReferencingToolGateway gateway = gateway(PAPER, 10);

        ToolResult result = gateway.call(FakeToolGateway.SERVER, "broken", "{}");

        assertThat(result.error()).isTrue();
        assertThat(result.content()).hasSize(10_000);
        assertThat(artifacts.puts()).isEmpty();
    }

    @Test
    void should_offer_read_artifact_tool_besides_inner_tools() {
        assertThat(gateway(PAPER, 10).tools()).extracting(ToolDescriptor::server, ToolDescriptor::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FakeToolGateway.SERVER, "fetch"),
                        org.assertj.core.groups.Tuple.tuple(FakeToolGateway.SERVER, "broken"),
                        org.assertj.core.groups.Tuple.tuple(ReferencingToolGateway.SERVER, ArtifactRefs.READ_TOOL));
    }

    @Test
    void should_name_the_argument_when_read_artifact_arguments_are_bad() {
        // given a stored artifact
        ReferencingToolGateway gateway = gateway(PAPER, 10);
        String ref = ArtifactRefs.refOf(gateway.call(FakeToolGateway.SERVER, "fetch", "{}").content()).orElseThrow();

        // when / then
        assertThat(read(gateway, "{\"offset\":0,\"length\":10}")).contains("'ref'");
        assertThat(read(gateway, "{\"ref\":\"../etc/passwd\",\"offset\":0,\"length\":10}")).contains("'ref'");
        assertThat(read(gateway, "{\"ref\":\"" + ref + "\",\"length\":10}")).contains("'offset'");
        assertThat(read(gateway, "{\"ref\":\"" + ref + "\",\"offset\":-1,\"length\":10}")).contains("'offset'");
        assertThat(read(gateway, "{\"ref\":\"" + ref + "\",\"offset\":\"0\",\"length\":10}")).contains("'offset'");
        assertThat(read(gateway, "{\"ref\":\"" + ref + "\",\"offset\":0,\"length\":0}")).contains("'length'");
        assertThat(read(gateway, "{\"ref\":\"" + ref + "\",\"offset\":0}")).contains("'length'");
        assertThat(read(gateway, "{not json")).contains("not valid JSON");
        assertThat(read(gateway, readArgs("s3://artifacts/missing", 0, 10))).contains("does not exist");
    }

    @Test
    void should_cap_read_length_when_model_asks_for_more_than_the_maximum() {
        String big = "x".repeat(ReferencingToolGateway.MAX_READ_BYTES * 2);
        ReferencingToolGateway gateway = gateway(big, 10);
        String ref = ArtifactRefs.refOf(gateway.call(FakeToolGateway.SERVER, "fetch", "{}").content()).orElseThrow();

        ToolResult read = gateway.call(ReferencingToolGateway.SERVER, ArtifactRefs.READ_TOOL,
                readArgs(ref, 0, big.length()));

        assertThat(read.content()).hasSize(ReferencingToolGateway.MAX_READ_BYTES);
    }

    private static String read(ReferencingToolGateway gateway, String args) {
        ToolResult r = gateway.call(ReferencingToolGateway.SERVER, ArtifactRefs.READ_TOOL, args);
        assertThat(r.error()).as("error flag for %s", args).isTrue();
        return r.content();
    }
}
