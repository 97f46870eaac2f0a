package dev.fameharness.runner.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Step Functions execution (one turn) as its execution history records it: when it started and stopped, how it
 * ended, and each state's entry and exit, with the Lambda invocations the history shows. Times are the service's
 * own event timestamps; nothing here is modeled.
 *
 * @param status        {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
 * @param error         the execution's error name when it did not succeed (e.g. {@code EvaluatorGaveUp}), else empty
 * @param cause         the error's cause as Step Functions reported it, else empty
 * @param output        the execution's output (the final state payload) when it succeeded, else empty
 * @param transitions   states entered (Standard workflows bill one state transition per state entered)
 * @param maxPayloadBytes the largest state input or output the history shows, in UTF-8 bytes
 */
public record ExecutionRecord(String executionArn, String status, Instant start, Instant stop, String error,
                              String cause, String output, List<StateTiming> states, int lambdaInvocations,
                              int lambdaFailures, int transitions, long maxPayloadBytes) {

    public ExecutionRecord {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        states = List.copyOf(states);
    }

    /** The time the state machine took from ExecutionStarted to the terminal event, in microseconds. */
    public long latencyMicros() {
        return micros(start, stop);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    static long micros(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1000;
    }

    /**
     * One visit of a state: entered and exited as the history records them; for a Task state, the Lambda function it
     * scheduled and when the invocation started and ended ({@code LambdaFunctionScheduled} to
     * {@code LambdaFunctionSucceeded}/{@code Failed}/{@code TimedOut}).
     *
     * @param lambdaStart   LambdaFunctionStarted, or null when the state invoked no function
     * @param lambdaEnd     the invocation's terminal event, or null
     * @param outcome       {@code succeeded}, {@code failed}, {@code timed_out} or empty for a state without a function
     */
    public record StateTiming(String name, String type, Instant entered, Instant exited, String function,
                              Instant lambdaScheduled, Instant lambdaStart, Instant lambdaEnd, String outcome) {

        /** Entered to exited, in microseconds; -1 when the state never exited (the execution failed inside it). */
        public long micros() {
            return exited == null ? -1 : ExecutionRecord.micros(entered, exited);
        }
    }
}
