package dev.fameharness.runner.cloud;

import dev.fameharness.api.metering.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Collects a deployed function's invocations from its log group ({@code /aws/lambda/<function>}) with
 * FilterLogEvents over the run's window: each invocation's {@code REPORT} line ({@link LambdaReport}: duration,
 * billed duration, memory size, max memory used, init duration on a cold start) and the {@code FAME_EVENT} lines the
 * handler wrote in between ({@link FameEvents}). Lambda writes an instance's invocations one after another into
 * one log stream, framed by {@code START RequestId: <id>} and {@code REPORT RequestId: <id>}, so the event lines
 * between them belong to that request id; the turn an invocation served is the turn its events are tagged with.
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html;
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html)
 */
public final class FunctionLogs {

    private static final Pattern START = Pattern.compile("START RequestId: (\\S+).*", Pattern.DOTALL);

    /**
     * One invocation of a function.
     *
     * @param report the REPORT line; empty when the log holds the START but not (yet) the REPORT
     * @param turn   the turn id its events are tagged with, empty when none is (e.g. a tool server's own events)
     */
    public record Invocation(String function, String requestId, Instant started, Optional<LambdaReport> report,
                             List<Event> events, String turn) {
        public Invocation {
            events = List.copyOf(events);
        }
    }

    private FunctionLogs() {
    }

    /** The function's log group, as Lambda names it. */
    public static String logGroup(String function) {
        return "/aws/lambda/" + function;
    }

    /** Every log event of the function between {@code from} and {@code to} (inclusive), following nextToken. */
    public static List<FilteredLogEvent> read(CloudWatchLogsClient logs, String function, Instant from, Instant to) {
        List<FilteredLogEvent> all = new ArrayList<>();
        logs.filterLogEventsPaginator(b -> b.logGroupName(logGroup(function)).startTime(from.toEpochMilli())
                .endTime(to.toEpochMilli())).forEach(page -> all.addAll(page.events()));
        return all;
    }

    public static List<Invocation> collect(CloudWatchLogsClient logs, String function, Instant from, Instant to) {
        return invocations(function, read(logs, function, from, to));
    }

    /** The invocations in a function's log events (any order: they are grouped by stream and sorted by time). */
    public static List<Invocation> invocations(String function, List<FilteredLogEvent> events) {
        Map<String, List<FilteredLogEvent>> byStream = new LinkedHashMap<>();
        for (FilteredLogEvent e : events) {
            byStream.computeIfAbsent(e.logStreamName() == null ? "" : e.logStreamName(), s -> new ArrayList<>()).add(e);
        }
        List<Invocation> out = new ArrayList<>();
        for (List<FilteredLogEvent> stream : byStream.values()) {
            List<FilteredLogEvent> sorted = new ArrayList<>(stream);
            // stable: lines with the same millisecond keep the order the service returned them in
            sorted.sort(Comparator.comparing(e -> e.timestamp() == null ? 0L : e.timestamp()));
            String request = null;
            Instant started = null;
            List<Event> current = new ArrayList<>();
            for (FilteredLogEvent e : sorted) {
                String message = e.message() == null ? "" : e.message();
                Matcher start = START.matcher(message.strip());
                Optional<LambdaReport> report = LambdaReport.parse(message);
                if (start.matches()) {
                    if (request != null) {
                        out.add(invocation(function, request, started, Optional.empty(), current));
                    }
                    request = start.group(1);
                    started = Instant.ofEpochMilli(e.timestamp() == null ? 0L : e.timestamp());
                    current = new ArrayList<>();
                } else if (report.isPresent()) {
                    String id = report.get().requestId();
                    // a REPORT without its START (the window cut it off) still counts, with no events
                    List<Event> mine = id.equals(request) ? current : List.of();
                    Instant at = id.equals(request) ? started : Instant.ofEpochMilli(e.timestamp() == null ? 0L : e.timestamp());
                    out.add(invocation(function, id, at, report, mine));
                    if (id.equals(request)) {
                        request = null;
                        current = new ArrayList<>();
                    }
                } else if (request != null) {
                    FameEvents.parse(message).ifPresent(current::add);
                }
            }
            if (request != null) {
                out.add(invocation(function, request, started, Optional.empty(), current));
            }
        }
        return out;
    }

    private static Invocation invocation(String function, String request, Instant started,
                                         Optional<LambdaReport> report, List<Event> events) {
        String turn = events.stream().map(ev -> ev.tags().turn()).filter(t -> !t.isEmpty()).findFirst().orElse("");
        return new Invocation(function, request, started, report, events, turn);
    }
}
