package dev.fameharness.mcp;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture: a small tool server (echo, add, now, big, flaky) and a record of the threads its tools ran on. */
final class ToyToolServer {

    static final String ECHO_SCHEMA = """
            {"type":"object","properties":{"text":{"type":"string"},"times":{"type":"integer"}},"required":["text"]}""";
    static final String ADD_SCHEMA = """
            {"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}""";
    static final String EMPTY_SCHEMA = """
            {"type":"object","properties":{}}""";
    static final String BIG_SCHEMA = """
            {"type":"object","properties":{"bytes":{"type":"integer"}},"required":["bytes"]}""";

    final List<Thread> toolThreads = new ArrayList<>();

    ToolServerSpec spec(Clock clock) {
        return ToolServerSpec.of("toy", "1.0.0",
                new ToolSpec("echo", "Repeats text.", ECHO_SCHEMA, true, args -> {
                    record(clock);
                    int times = args.containsKey("times") ? ((Number) args.get("times")).intValue() : 1;
                    if (times < 1 || times > 10) {
                        throw new ToolArgumentException("times", "must be between 1 and 10, was " + times);
                    }
                    return String.valueOf(args.get("text")).repeat(times);
                }),
                new ToolSpec("add", "Adds two numbers.", ADD_SCHEMA, true, args -> {
                    record(clock);
                    double sum = ((Number) args.get("a")).doubleValue() + ((Number) args.get("b")).doubleValue();
                    return sum == Math.rint(sum) ? String.valueOf((long) sum) : String.valueOf(sum);
                }),
                new ToolSpec("now", "The server's clock time in ms.", EMPTY_SCHEMA, false, args -> {
                    record(clock);
                    return String.valueOf(clock.now().toMillis());
                }),
                new ToolSpec("big", "Returns a text of the requested size.", BIG_SCHEMA, true,
                        args -> "x".repeat(((Number) args.get("bytes")).intValue())),
                new ToolSpec("flaky", "Fails like a throttled store.", EMPTY_SCHEMA, false, args -> {
                    throw new RetriableException("ThrottlingException", "store throttled the tool");
                }));
    }

    private synchronized void record(Clock clock) {
        clock.now(); // the tool may read the clock
        toolThreads.add(Thread.currentThread());
    }
}
