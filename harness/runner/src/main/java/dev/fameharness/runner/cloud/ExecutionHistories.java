package dev.fameharness.runner.cloud;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Reads one execution's history (GetExecutionHistory, every page, oldest first) and folds it into an
 * {@link ExecutionRecord}: start and stop from ExecutionStarted and the terminal Execution* event, each state's
 * visit from its {@code <Type>StateEntered}/{@code <Type>StateExited} pair, and each Task's Lambda invocation from
 * LambdaFunctionScheduled/Started/Succeeded|Failed|TimedOut (the events of a Task whose Resource is a function ARN,
 * as the generated state machines are). Event names and details are those of the Step Functions API reference
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html).
 */
public final class ExecutionHistories {

    private ExecutionHistories() {
    }

    /** Every event of the execution, following nextToken. */
    public static List<HistoryEvent> events(SfnClient sfn, String executionArn) {
        List<HistoryEvent> all = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000).reverseOrder(false)
                .includeExecutionData(true)).forEach(page -> all.addAll(page.events()));
        return all;
    }

    public static ExecutionRecord read(SfnClient sfn, String executionArn) {
        return fold(executionArn, events(sfn, executionArn));
    }

    /** The record of an execution from its history events (in the order the service returned them). */
    public static ExecutionRecord fold(String executionArn, List<HistoryEvent> events) {
        Instant start = null;
        Instant stop = null;
        String status = "RUNNING";
        String error = "";
        String cause = "";
        String output = "";
        int invocations = 0;
        int failures = 0;
        int transitions = 0;
        long maxPayload = 0;
        List<ExecutionRecord.StateTiming> states = new ArrayList<>();
        Open open = null;
        for (HistoryEvent e : events) {
            String type = e.typeAsString();
            Instant at = e.timestamp();
            switch (type) {
                case "ExecutionStarted" -> {
                    start = at;
                    if (e.executionStartedEventDetails() != null) {
                        maxPayload = Math.max(maxPayload, bytes(e.executionStartedEventDetails().input()));
                    }
                }
                case "ExecutionSucceeded" -> {
                    stop = at;
                    status = "SUCCEEDED";
                    output = e.executionSucceededEventDetails() == null ? ""
                            : nullToEmpty(e.executionSucceededEventDetails().output());
                }
                case "ExecutionFailed" -> {
                    stop = at;
                    status = "FAILED";
                    if (e.executionFailedEventDetails() != null) {
                        error = nullToEmpty(e.executionFailedEventDetails().error());
                        cause = nullToEmpty(e.executionFailedEventDetails().cause());
                    }
                }
                case "ExecutionTimedOut" -> {
                    stop = at;
                    status = "TIMED_OUT";
                    error = e.executionTimedOutEventDetails() == null ? "States.Timeout"
                            : nullToEmpty(e.executionTimedOutEventDetails().error());
                    cause = e.executionTimedOutEventDetails() == null ? ""
                            : nullToEmpty(e.executionTimedOutEventDetails().cause());
                }
                case "ExecutionAborted" -> {
                    stop = at;
                    status = "ABORTED";
                    error = e.executionAbortedEventDetails() == null ? "ExecutionAborted"
                            : nullToEmpty(e.executionAbortedEventDetails().error());
                    cause = e.executionAbortedEventDetails() == null ? ""
                            : nullToEmpty(e.executionAbortedEventDetails().cause());
                }
                case "LambdaFunctionScheduled" -> {
                    invocations++;
                    if (open != null) {
                        open.function = e.lambdaFunctionScheduledEventDetails() == null ? ""
                                : nullToEmpty(e.lambdaFunctionScheduledEventDetails().resource());
                        open.scheduled = at;
                    }
                }
                case "LambdaFunctionStarted" -> {
                    if (open != null) {
                        open.lambdaStart = at;
                    }
                }
                case "LambdaFunctionSucceeded", "LambdaFunctionFailed", "LambdaFunctionTimedOut",
                     "LambdaFunctionStartFailed", "LambdaFunctionScheduleFailed" -> {
                    if (!type.equals("LambdaFunctionSucceeded")) {
                        failures++;
                    }
                    if (type.equals("LambdaFunctionSucceeded") && e.lambdaFunctionSucceededEventDetails() != null) {
                        maxPayload = Math.max(maxPayload, bytes(e.lambdaFunctionSucceededEventDetails().output()));
                    }
                    if (open != null) {
                        open.lambdaEnd = at;
                        open.outcome = switch (type) {
                            case "LambdaFunctionSucceeded" -> "succeeded";
                            case "LambdaFunctionTimedOut" -> "timed_out";
                            default -> "failed";
                        };
                    }
                }
                default -> {
                    if (type.endsWith("StateEntered")) {
                        transitions++;
                        open = new Open(e.stateEnteredEventDetails() == null ? ""
                                : e.stateEnteredEventDetails().name(), type.substring(0, type.length() - "StateEntered".length()), at);
                        if (e.stateEnteredEventDetails() != null) {
                            maxPayload = Math.max(maxPayload, bytes(e.stateEnteredEventDetails().input()));
                        }
                    } else if (type.endsWith("StateExited") && open != null) {
                        if (e.stateExitedEventDetails() != null) {
                            maxPayload = Math.max(maxPayload, bytes(e.stateExitedEventDetails().output()));
                        }
                        states.add(open.close(at));
                        open = null;
                    }
                }
            }
        }
        if (open != null) {
            states.add(open.close(null)); // the execution ended inside this state (a failure or time-out)
        }
        if (start == null) {
            throw new IllegalStateException("execution " + executionArn + " has no ExecutionStarted event in its "
                    + "history (" + events.size() + " events)");
        }
        if (stop == null) {
            throw new IllegalStateException("execution " + executionArn + " has not ended: its history has no "
                    + "ExecutionSucceeded/Failed/TimedOut/Aborted event");
        }
        return new ExecutionRecord(executionArn, status, start, stop, error, cause, output, states, invocations,
                failures, transitions, maxPayload);
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A state entered and not yet exited. */
    private static final class Open {
        final String name;
        final String type;
        final Instant entered;
        String function = "";
        Instant scheduled;
        Instant lambdaStart;
        Instant lambdaEnd;
        String outcome = "";

        Open(String name, String type, Instant entered) {
            this.name = name;
            this.type = type;
            this.entered = entered;
        }

        ExecutionRecord.StateTiming close(Instant exited) {
            return new ExecutionRecord.StateTiming(name, type, entered, exited, function, scheduled, lambdaStart,
                    lambdaEnd, outcome);
        }
    }
}
