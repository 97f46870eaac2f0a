package dev.fameharness.runner.cloud;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda {@code REPORT} log line, the platform's per-invocation record in the function's log group:
 * {@code REPORT RequestId: <id>\tDuration: <ms> ms\tBilled Duration: <ms> ms\tMemory Size: <MB> MB\tMax Memory
 * Used: <MB> MB[\tInit Duration: <ms> ms]} (Init Duration only on a cold start). The field list is AWS's
 * ("How CloudWatch structures logs", https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html;
 * "REPORT line data fields", https://docs.aws.amazon.com/lambda/latest/dg/csharp-logging.html). The numbers are
 * read as decimals: real lines carry fractional billed durations and memory too (open-telemetry-lambda PR 2011).
 * This is the collector a cloud run reads init, duration, billed duration and memory from.
 */
public record LambdaReport(String requestId, double durationMs, double billedDurationMs, double memorySizeMb,
                           double maxMemoryUsedMb, OptionalDouble initDurationMs) {

    private static final Pattern LINE = Pattern.compile("REPORT RequestId: (\\S+)\\s+"
            + "Duration: ([0-9.]+) ms\\s+Billed Duration: ([0-9.]+) ms\\s+Memory Size: ([0-9.]+) MB\\s+"
            + "Max Memory Used: ([0-9.]+) MB(?:\\s+Init Duration: ([0-9.]+) ms)?.*", Pattern.DOTALL);

    /** Whether the invocation was a cold start (the line has an Init Duration). */
    public boolean cold() {
        return initDurationMs.isPresent();
    }

    /** The report in a log message; empty for any other message (START, END, the function's own output). */
    public static Optional<LambdaReport> parse(String message) {
        Matcher m = LINE.matcher(message.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LambdaReport(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                m.group(6) == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(m.group(6)))));
    }
}
