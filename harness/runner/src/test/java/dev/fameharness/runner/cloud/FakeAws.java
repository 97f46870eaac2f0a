package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * An HTTP server on 127.0.0.1 answering the AWS API calls a cloud run makes with the documents under
 * {@code src/test/resources/aws/}, for the real SDK clients pointed at it ({@code endpointOverride}). It speaks each
 * service's wire protocol: AWS JSON 1.0/1.1 by {@code X-Amz-Target} (Step Functions, CloudWatch Logs), Smithy RPC v2
 * CBOR for CloudWatch (the fixture's JSON re-encoded as CBOR, timestamps as tag 1), and the query protocol's XML for
 * CloudFormation. Every request is recorded as {@code operation -> body}.
 */
final class FakeAws implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer to one request: the response body for the request's body (JSON, or XML for CloudFormation). */
    interface Answer extends Function<String, String> {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String[]> requests = Collections.synchronizedList(new ArrayList<>());

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code operation} (e.g. {@code StartExecution}, {@code GetMetricData}, {@code DescribeStacks}). */
    FakeAws on(String operation, Answer answer) {
        answers.put(operation, answer);
        return this;
    }

    List<String> bodies(String operation) {
        synchronized (requests) {
            return requests.stream().filter(r -> r[0].equals(operation)).map(r -> r[1]).toList();
        }
    }

    static String resource(String name) {
        try (InputStream in = FakeAws.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /aws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] in = x.getRequestBody().readAllBytes();
        String target = x.getRequestHeaders().getFirst("X-Amz-Target");
        String path = x.getRequestURI().getPath();
        String operation;
        String body;
        boolean cbor = path.contains("/operation/");
        if (target != null) {
            operation = target.substring(target.indexOf('.') + 1);
            body = new String(in, StandardCharsets.UTF_8);
        } else if (cbor) {
            operation = path.substring(path.lastIndexOf('/') + 1);
            body = "";
        } else {
            body = java.net.URLDecoder.decode(new String(in, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            operation = body.replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
        }
        requests.add(new String[] {operation, body});
        Answer a = answers.get(operation);
        if (a == null) {
            byte[] err = ("{\"__type\":\"UnknownOperationException\",\"message\":\"no fixture for " + operation + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            x.sendResponseHeaders(400, err.length);
            x.getResponseBody().write(err);
            x.close();
            return;
        }
        String answer = a.apply(body);
        byte[] out;
        if (cbor) {
            out = cbor(JSON.readTree(answer));
            x.getResponseHeaders().add("Content-Type", "application/cbor");
            x.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        } else if (target != null) {
            out = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", x.getRequestHeaders().getFirst("Content-Type"));
        } else {
            out = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/xml");
        }
        x.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    /** The JSON document as RPC v2 CBOR; numbers under a {@code Timestamps} key become epoch-seconds tag 1 values. */
    static byte[] cbor(JsonNode node) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(bytes)) {
            write(g, node, false);
        }
        return bytes.toByteArray();
    }

    private static void write(CBORGenerator g, JsonNode n, boolean timestamp) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                g.writeFieldName(f.getKey());
                write(g, f.getValue(), f.getKey().equals("Timestamps"));
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) {
                write(g, e, timestamp);
            }
            g.writeEndArray();
        } else if (n.isNumber() && timestamp) {
            g.writeTag(1);
            g.writeNumber(n.asDouble());
        } else if (n.isIntegralNumber()) {
            g.writeNumber(n.asLong());
        } else if (n.isNumber()) {
            g.writeNumber(n.asDouble());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.asBoolean());
        } else if (n.isNull()) {
            g.writeNull();
        } else {
            g.writeString(n.asText());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
