package dev.fameharness.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real model, recorded once (issue 13, point 7): an experiment with {@code model: openai} against an
 * OpenAI-compatible HTTP server on 127.0.0.1 records every exchange ({@code --record}, here
 * {@code model_options.record_dir}); the same experiment with {@code model: replay} reruns with the server gone
 * and gives the same results: byte-identical event streams and per-turn CSV.
 */
class RecordReplayIT {

    @TempDir
    Path dir;

    /** Answers every chat completion with text that depends on the request, and the usage a server reports. */
    private static HttpServer fakeOpenAi(AtomicInteger calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", (HttpExchange ex) -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            calls.incrementAndGet();
            String hash;
            try {
                hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 12);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            // The evaluator's prompt asks for {"verdict":"accept"|"reject",...}; everyone else gets text.
            boolean evaluator = new String(body, StandardCharsets.UTF_8).contains("accept\\\"|\\\"reject");
            String content = evaluator ? "{\\\"verdict\\\":\\\"accept\\\",\\\"feedback\\\":\\\"\\\"}"
                    : "The paper reports finding " + hash + ".";
            String json = "{\"id\":\"chatcmpl-" + hash + "\",\"object\":\"chat.completion\",\"created\":1,"
                    + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":" + (body.length / 4) + ",\"completion_tokens\":9,\"total_tokens\":"
                    + (body.length / 4 + 9) + "}}";
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        return server;
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_give_the_same_results_offline_when_replaying_a_recorded_openai_run() throws Exception {
        PresetCatalog catalog = PresetCatalog.discover();
        Path recordings = dir.resolve("recordings");
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = fakeOpenAi(calls);
        ExperimentRunner.Outcome recorded;
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Experiment live = Experiment.parse("live.yaml", ("name: rr\nsize: quick\npresets: [stateless-payload]\n"
                    + "seeds: [1]\nmodel: openai\nmodel_options: {base_url: '" + url + "', record_dir: '" + recordings
                    + "'}\n").getBytes(StandardCharsets.UTF_8), catalog);
            recorded = ExperimentRunner.run(live, dir.resolve("results"), "live", false, m -> { },
                    Map.of("OPENAI_API_KEY", "test-key"));
        } finally {
            server.stop(0);
        }
        Experiment offline = Experiment.parse("replay.yaml", ("name: rr\nsize: quick\npresets: [stateless-payload]\n"
                + "seeds: [1]\nmodel: replay\nmodel_options: {replay_dir: '" + recordings + "'}\n")
                .getBytes(StandardCharsets.UTF_8), catalog);
        ExperimentRunner.Outcome replayed = ExperimentRunner.run(offline, dir.resolve("results"), "replay", false,
                m -> { }, Map.of());

        long files;
        try (Stream<Path> s = Files.list(recordings)) {
            files = s.count();
        }
        assertThat(calls.get()).as("model calls of the live run").isPositive();
        assertThat(files).as("one recording per distinct request").isPositive().isLessThanOrEqualTo(calls.get());
        String liveEvents = gunzip(recorded.runDir().resolve("events/stateless-payload-seed1.jsonl.gz"));
        assertThat(liveEvents).contains("LlmCall");
        assertThat(gunzip(replayed.runDir().resolve("events/stateless-payload-seed1.jsonl.gz"))).isEqualTo(liveEvents);
        assertThat(Files.readString(replayed.runDir().resolve("turns.csv")))
                .isEqualTo(Files.readString(recorded.runDir().resolve("turns.csv")));
        List<String> rows = Files.readAllLines(recorded.runDir().resolve("turns.csv"));
        assertThat(rows).hasSizeGreaterThan(1);
    }
}
