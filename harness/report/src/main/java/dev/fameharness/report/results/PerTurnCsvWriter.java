package dev.fameharness.report.results;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.Cost;
import dev.fameharness.report.cost.Service;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code turns.csv}: one row per {@link TurnRecord} in run order. RFC 4180: comma separated, CRLF line ends,
 * a field is quoted when it contains a comma, quote, CR or LF, quotes doubled. Columns, in this order: the
 * fixed columns of {@link #FIXED_COLUMNS}; then one column per billing unit, named by the unit
 * ({@code dynamodb.rru}, ...), for the sorted union of {@link #KNOWN_UNITS} and every unit in the turns
 * (0 where a turn has none); then {@code cost_usd.<service>} for each service in sorted order and
 * {@code cost_usd.total}; then {@code latency_us.<part>} for every part of {@link LatencyParts#names} (the turn's
 * service latency along its critical path; the parts sum to {@code latency_us}; 0 where a turn has none). Times in
 * microseconds ({@code _us}), sizes in bytes, cost in USD. {@code correct} is 1, 0 or -1 (not scored).
 */
public final class PerTurnCsvWriter implements ResultFormat {

    public static final List<String> FIXED_COLUMNS = List.of("preset", "seed", "session_id", "turn_id", "task",
            "arrival_us", "start_us", "latency_us", "status", "failure_reason", "detail", "planner_input_tokens",
            "planner_output_tokens", "actor_input_tokens", "actor_output_tokens", "evaluator_input_tokens",
            "evaluator_output_tokens", "llm_calls", "invocations", "cold_starts", "transitions", "store_ops",
            "tool_calls", "cache_hits", "max_payload_bytes", "rouge1", "rouge2", "rouge_l", "correct");

    /** Units that always get a column, so the header is the same for every run. */
    public static final List<String> KNOWN_UNITS = List.of("dynamodb.rru", "dynamodb.storage_gb_month",
            "dynamodb.wru", "lambda.gb_s", "lambda.requests", "llm.cached_input_tokens", "llm.input_tokens",
            "llm.output_tokens", "redis.bytes", "redis.ops", "s3.bytes_in", "s3.bytes_out", "s3.storage_gb_month",
            "s3.tier1", "s3.tier2", "sfn.transitions");

    private static final String EOL = "\r\n";

    @Override
    public void write(RunResults results, Writer out) throws IOException {
        TreeSet<String> units = new TreeSet<>(KNOWN_UNITS);
        for (TurnRecord t : results.turns()) {
            units.addAll(t.units().keySet());
        }
        List<String> services = new ArrayList<>(Cost.ZERO.usdByService().keySet());
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(units);
        for (String s : services) {
            header.add("cost_usd." + s);
        }
        header.add("cost_usd.total");
        List<String> parts = LatencyParts.names(results.turns());
        for (String p : parts) {
            header.add("latency_us." + p);
        }
        row(out, header);
        for (int i = 0; i < results.turns().size(); i++) {
            TurnRecord t = results.turns().get(i);
            Cost c = results.turnCosts().get(i);
            List<String> r = new ArrayList<>(header.size());
            r.add(t.preset());
            r.add(Long.toString(t.seed()));
            r.add(t.sessionId() == null ? "" : t.sessionId());
            r.add(t.turnId());
            r.add(t.task() == null ? "" : t.task());
            r.add(Long.toString(t.arrivalMicros()));
            r.add(Long.toString(t.startMicros()));
            r.add(Long.toString(t.latencyMicros()));
            r.add(t.status());
            r.add(t.failureReason());
            r.add(t.detail());
            for (long v : new long[] {t.plannerInputTokens(), t.plannerOutputTokens(), t.actorInputTokens(),
                    t.actorOutputTokens(), t.evaluatorInputTokens(), t.evaluatorOutputTokens(), t.llmCalls(),
                    t.invocations(), t.coldStarts(), t.transitions(), t.storeOps(), t.toolCalls(), t.cacheHits(),
                    t.maxPayloadBytes()}) {
                r.add(Long.toString(v));
            }
            r.add(Numbers.plain(t.rouge1()));
            r.add(Numbers.plain(t.rouge2()));
            r.add(Numbers.plain(t.rougeL()));
            r.add(Integer.toString(t.correct()));
            for (String u : units) {
                r.add(Numbers.plain(t.unit(u)));
            }
            for (String s : services) {
                r.add(Numbers.plain(c.usd(Service.ofLabel(s).orElseThrow())));
            }
            r.add(Numbers.plain(c.total()));
            for (String p : parts) {
                r.add(Long.toString(t.latencyParts().getOrDefault(p, 0L)));
            }
            row(out, r);
        }
        out.flush();
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write(EOL);
    }

    /** RFC 4180 quoting. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
