package dev.fameharness.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal OpenAI-compatible server on 127.0.0.1 (free port): {@code POST /v1/chat/completions} answers with
 * the queued canned responses in order and records every request body. A queued {@link #hang()} holds the
 * request until the server is closed (for client timeouts).
 */
final class FakeOpenAiServer implements AutoCloseable {

    private record Canned(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Canned> responses = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized FakeOpenAiServer respond(int status, String json) {
        responses.add(new Canned(status, json, false));
        return this;
    }

    synchronized FakeOpenAiServer hang() {
        responses.add(new Canned(0, "", true));
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Canned canned;
        synchronized (this) {
            requests.add(body);
            canned = responses.poll();
        }
        if (canned == null) {
            canned = new Canned(500, "{\"error\":{\"message\":\"no canned response left\",\"type\":\"server_error\"}}", false);
        }
        if (canned.hang()) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(canned.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
