package dev.fameharness.runner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a CloudFormation endpoint on 127.0.0.1 that speaks the Query API wire protocol (form-encoded POST,
 * XML answers in the shapes the CloudFormation API reference documents, {@code ErrorResponse} with HTTP 400 for a
 * ValidationError) for CreateStack, UpdateStack, DescribeStacks, DescribeStackEvents, ListStackResources and
 * DeleteStack, so the real SDK client, its paginators and its waiters are exercised. Stacks settle at once: a
 * created stack is CREATE_COMPLETE with one resource per template resource (physical id = the resource's name
 * property, else {@code <stack>-<LogicalId>}) and outputs resolved from the template's {@code Ref}s, or, when
 * {@link #failNextCreate} was called, ROLLBACK_COMPLETE with the events CloudFormation writes for a failed
 * resource. Every request is recorded.
 */
final class FakeCloudFormation implements AutoCloseable {

    /** One stack the fake holds. */
    static final class FakeStack {
        final String name;
        final String id;
        String status;
        String templateBody;
        String templateUrl;
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        final List<String[]> resources = new ArrayList<>(); // logical id, physical id, type
        final List<String[]> events = new ArrayList<>(); // logical id, type, status, reason; oldest first

        FakeStack(String name, String id) {
            this.name = name;
            this.id = id;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final Map<String, String> NAME_PROPERTY = Map.of("AWS::Lambda::Function", "FunctionName",
            "AWS::DynamoDB::Table", "TableName", "AWS::S3::Bucket", "BucketName", "AWS::Logs::LogGroup", "LogGroupName",
            "AWS::StepFunctions::StateMachine", "StateMachineName", "AWS::ElastiCache::ServerlessCache",
            "ServerlessCacheName");

    private final HttpServer server;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FakeStack> stacks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger ids = new AtomicInteger();
    private String[] nextFailure;

    FakeCloudFormation() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, as its decoded form parameters (Action, StackName, TemplateBody, ...). */
    List<Map<String, String>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests with this Action. */
    List<Map<String, String>> requests(String action) {
        return requests().stream().filter(r -> action.equals(r.get("Action"))).toList();
    }

    /** The next CreateStack fails: resource {@code logicalId} reports CREATE_FAILED with {@code reason}. */
    void failNextCreate(String logicalId, String type, String reason) {
        nextFailure = new String[] {logicalId, type, reason};
    }

    /** A stack as if an earlier deploy had created it. */
    FakeStack seed(String name, String status) {
        FakeStack s = new FakeStack(name, arn(name));
        s.status = status;
        stacks.put(name, s);
        return s;
    }

    Optional<FakeStack> stack(String nameOrId) {
        synchronized (stacks) {
            return stacks.values().stream().filter(s -> s.id.equals(nameOrId)
                    || (s.name.equals(nameOrId) && !"DELETE_COMPLETE".equals(s.status))).findFirst();
        }
    }

    private String arn(String name) {
        return "arn:aws:cloudformation:us-east-1:000000000000:stack/" + name + "/id-" + ids.incrementAndGet();
    }

    /** Values of a Query list: {@code prefix.member.N[.field]} for N = 1, 2, ... */
    static List<String> members(Map<String, String> form, String prefix, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 1; form.containsKey(prefix + ".member." + i + (field.isEmpty() ? "" : "." + field)); i++) {
            out.add(form.get(prefix + ".member." + i + (field.isEmpty() ? "" : "." + field)));
        }
        return out;
    }

    static Map<String, String> pairs(Map<String, String> form, String prefix, String keyField, String valueField) {
        List<String> keys = members(form, prefix, keyField);
        List<String> values = members(form, prefix, valueField);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), values.get(i));
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> form = new TreeMap<>();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(Collections.unmodifiableMap(form));
        String action = form.getOrDefault("Action", "");
        try {
            String result = switch (action) {
                case "CreateStack" -> create(form);
                case "UpdateStack" -> update(form);
                case "DescribeStacks" -> describe(form);
                case "DescribeStackEvents" -> events(form);
                case "ListStackResources" -> resources(form);
                case "DeleteStack" -> delete(form);
                default -> throw new Refusal("InvalidAction", "fake does not implement " + action);
            };
            reply(ex, 200, "<" + action + "Response xmlns=\"" + NS + "\">" + (result.isEmpty() ? ""
                    : "<" + action + "Result>" + result + "</" + action + "Result>")
                    + "<ResponseMetadata><RequestId>req-" + requests.size() + "</RequestId></ResponseMetadata></"
                    + action + "Response>");
        } catch (Refusal r) {
            reply(ex, 400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + r.code
                    + "</Code><Message>" + esc(r.getMessage()) + "</Message></Error><RequestId>req-" + requests.size()
                    + "</RequestId></ErrorResponse>");
        }
    }

    private static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private FakeStack existing(Map<String, String> form) {
        String name = form.get("StackName");
        return stack(name).orElseThrow(() -> new Refusal("ValidationError", "Stack with id " + name + " does not exist"));
    }

    private String create(Map<String, String> form) {
        String name = form.get("StackName");
        if (stack(name).isPresent()) {
            throw new Refusal("AlreadyExistsException", "Stack [" + name + "] already exists");
        }
        FakeStack s = new FakeStack(name, arn(name));
        apply(s, form);
        s.events.add(new String[] {name, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"});
        if (nextFailure != null) {
            s.events.add(new String[] {nextFailure[0], nextFailure[1], "CREATE_IN_PROGRESS", null});
            s.events.add(new String[] {nextFailure[0], nextFailure[1], "CREATE_FAILED", nextFailure[2]});
            s.events.add(new String[] {name, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS",
                    "The following resource(s) failed to create: [" + nextFailure[0] + "]. Rollback requested by user."});
            s.events.add(new String[] {name, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null});
            s.status = "ROLLBACK_COMPLETE";
            nextFailure = null;
        } else {
            s.events.add(new String[] {name, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null});
            s.status = "CREATE_COMPLETE";
        }
        stacks.put(name + "#" + s.id, s);
        return "<StackId>" + s.id + "</StackId>";
    }

    private String update(Map<String, String> form) {
        FakeStack s = existing(form);
        if (form.getOrDefault("TemplateBody", "").equals(s.templateBody)
                && pairs(form, "Parameters", "ParameterKey", "ParameterValue").equals(s.parameters)) {
            throw new Refusal("ValidationError", "No updates are to be performed.");
        }
        apply(s, form);
        s.events.add(new String[] {s.name, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated"});
        s.events.add(new String[] {s.name, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null});
        s.status = "UPDATE_COMPLETE";
        return "<StackId>" + s.id + "</StackId>";
    }

    private void apply(FakeStack s, Map<String, String> form) {
        s.templateBody = form.get("TemplateBody");
        s.templateUrl = form.get("TemplateURL");
        s.parameters = pairs(form, "Parameters", "ParameterKey", "ParameterValue");
        s.tags = pairs(form, "Tags", "Key", "Value");
        s.resources.clear();
        s.outputs.clear();
        if (s.templateBody == null) {
            return;
        }
        JsonNode t;
        try {
            t = JSON.readTree(s.templateBody);
        } catch (IOException e) {
            throw new Refusal("ValidationError", "Template format error: JSON not well-formed");
        }
        Map<String, String> physical = new LinkedHashMap<>();
        t.path("Resources").fields().forEachRemaining(r -> {
            String type = r.getValue().path("Type").asText();
            String prop = NAME_PROPERTY.get(type);
            JsonNode named = prop == null ? null : r.getValue().path("Properties").get(prop);
            String id = named != null && named.isTextual() ? named.asText() : s.name + "-" + r.getKey();
            if ("AWS::StepFunctions::StateMachine".equals(type)) {
                id = "arn:aws:states:us-east-1:000000000000:stateMachine:" + id;
            }
            physical.put(r.getKey(), id);
            s.resources.add(new String[] {r.getKey(), id, type});
        });
        t.path("Outputs").fields().forEachRemaining(o -> {
            JsonNode ref = o.getValue().path("Value").path("Ref");
            if (ref.isTextual() && physical.containsKey(ref.asText())) {
                s.outputs.put(o.getKey(), physical.get(ref.asText()));
            }
        });
    }

    private String describe(Map<String, String> form) {
        FakeStack s = existing(form);
        StringBuilder b = new StringBuilder("<Stacks><member>");
        b.append("<StackName>").append(esc(s.name)).append("</StackName><StackId>").append(s.id).append("</StackId>");
        b.append("<CreationTime>2026-12-01T15:00:00.000Z</CreationTime>");
        b.append("<StackStatus>").append(s.status).append("</StackStatus>");
        b.append("<Parameters>");
        s.parameters.forEach((k, v) -> b.append("<member><ParameterKey>").append(esc(k)).append("</ParameterKey><ParameterValue>")
                .append(esc(v)).append("</ParameterValue></member>"));
        b.append("</Parameters><Tags>");
        s.tags.forEach((k, v) -> b.append("<member><Key>").append(esc(k)).append("</Key><Value>").append(esc(v))
                .append("</Value></member>"));
        b.append("</Tags><Outputs>");
        s.outputs.forEach((k, v) -> b.append("<member><OutputKey>").append(esc(k)).append("</OutputKey><OutputValue>")
                .append(esc(v)).append("</OutputValue></member>"));
        b.append("</Outputs></member></Stacks>");
        return b.toString();
    }

    private String events(Map<String, String> form) {
        FakeStack s = existing(form);
        StringBuilder b = new StringBuilder("<StackEvents>");
        for (int i = s.events.size() - 1; i >= 0; i--) { // newest first, as CloudFormation lists them
            String[] e = s.events.get(i);
            b.append("<member><StackId>").append(s.id).append("</StackId><EventId>ev-").append(i)
                    .append("</EventId><StackName>").append(esc(s.name)).append("</StackName><LogicalResourceId>")
                    .append(esc(e[0])).append("</LogicalResourceId><ResourceType>").append(e[1])
                    .append("</ResourceType><Timestamp>").append(Instant.parse("2026-12-01T15:00:00Z").plusSeconds(i))
                    .append("</Timestamp><ResourceStatus>").append(e[2]).append("</ResourceStatus>");
            if (e[3] != null) {
                b.append("<ResourceStatusReason>").append(esc(e[3])).append("</ResourceStatusReason>");
            }
            b.append("</member>");
        }
        return b.append("</StackEvents>").toString();
    }

    private String resources(Map<String, String> form) {
        FakeStack s = existing(form);
        StringBuilder b = new StringBuilder("<StackResourceSummaries>");
        for (String[] r : s.resources) {
            b.append("<member><LogicalResourceId>").append(esc(r[0])).append("</LogicalResourceId><PhysicalResourceId>")
                    .append(esc(r[1])).append("</PhysicalResourceId><ResourceType>").append(r[2])
                    .append("</ResourceType><LastUpdatedTimestamp>2026-12-01T15:00:00Z</LastUpdatedTimestamp>")
                    .append("<ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>");
        }
        return b.append("</StackResourceSummaries>").toString();
    }

    private String delete(Map<String, String> form) {
        stack(form.get("StackName")).ifPresent(s -> {
            s.events.add(new String[] {s.name, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated"});
            s.events.add(new String[] {s.name, "AWS::CloudFormation::Stack", "DELETE_COMPLETE", null});
            s.status = "DELETE_COMPLETE";
        });
        return "";
    }

    private static void reply(HttpExchange ex, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
