package dev.fameharness.report;

import dev.fameharness.api.metering.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Test data: TurnRecords built by hand or from a seeded {@link Random} (as JMH's ResultFormatTest does). */
public final class SampleTurns {

    public static final List<String> PRESETS = List.of("fame", "monolithic", "stateless-payload");

    private SampleTurns() {
    }

    /** A completed turn with the given latency, tokens and units; everything else fixed. */
    public static TurnRecord turn(String preset, String turnId, long latencyMicros, long plannerIn, long actorIn,
                                  long evaluatorIn, Map<String, Double> units) {
        return new TurnRecord(preset, 1L, "s1", turnId, "summarize", 0L, 0L, latencyMicros, TurnRecord.COMPLETED, "",
                "", plannerIn, 10, actorIn, 20, evaluatorIn, 30, 3, 3, 1, 5, 2, 1, 0, 1000, 0.5, 0.25, 0.4,
                new TreeMap<>(units));
    }

    /**
     * {@code turnsPerPreset} turns for each of {@link #PRESETS}, the same turn ids in every preset (so they
     * pair), values drawn from {@code new Random(seed)}. Some turns fail, with a reason; details contain commas,
     * quotes and line breaks to exercise CSV quoting.
     */
    public static List<TurnRecord> random(long seed, int turnsPerPreset) {
        Random r = new Random(seed);
        List<TurnRecord> out = new ArrayList<>();
        FailureReason[] reasons = FailureReason.values();
        for (int p = 0; p < PRESETS.size(); p++) {
            String preset = PRESETS.get(p);
            for (int t = 0; t < turnsPerPreset; t++) {
                String session = "session-" + (t % 3);
                String turnId = session + "/turn-" + t;
                boolean failed = r.nextInt(6) == 0;
                String reason = failed ? reasons[r.nextInt(reasons.length)].label() : "";
                String detail = failed ? "failed at \"step " + t + "\", see log\nline 2" : "";
                long latency = 200_000L * (p + 1) + r.nextInt(2_000_000);
                TreeMap<String, Double> units = new TreeMap<>();
                units.put("lambda.requests", (double) (3 + r.nextInt(4)));
                units.put("lambda.gb_s", Math.round(r.nextDouble() * 5000) / 1000.0);
                if (!"monolithic".equals(preset)) {
                    units.put("sfn.transitions", (double) (4 + r.nextInt(8)));
                }
                units.put("dynamodb.rru", r.nextInt(20) / 2.0);
                units.put("dynamodb.wru", (double) r.nextInt(12));
                units.put("s3.tier1", (double) r.nextInt(3));
                units.put("s3.tier2", (double) r.nextInt(5));
                units.put("redis.ops", (double) r.nextInt(10));
                units.put("redis.bytes", (double) r.nextInt(40_000));
                long pin = 500 + r.nextInt(3000);
                long ain = 1000 + r.nextInt(8000) * (p + 1L);
                long ein = 400 + r.nextInt(2000);
                long cached = r.nextInt(500);
                long pout = 50 + r.nextInt(200);
                long aout = 100 + r.nextInt(400);
                long eout = 20 + r.nextInt(100);
                units.put("llm.input_tokens", (double) (pin + ain + ein - cached));
                units.put("llm.cached_input_tokens", (double) cached);
                units.put("llm.output_tokens", (double) (pout + aout + eout));
                double r1 = failed ? 0 : Math.round(r.nextDouble() * 1e4) / 1e4;
                double r2 = failed ? 0 : Math.round(r1 * r.nextDouble() * 1e4) / 1e4;
                double rl = failed ? 0 : Math.round(r1 * (0.5 + r.nextDouble() / 2) * 1e4) / 1e4;
                out.add(new TurnRecord(preset, seed, session, turnId, "paper-" + t, t * 1_000_000L,
                        t * 1_000_000L + r.nextInt(1000), latency, failed ? TurnRecord.FAILED : TurnRecord.COMPLETED,
                        reason, detail, pin, pout, ain, aout, ein, eout, 3 + r.nextInt(5), 3 + r.nextInt(5),
                        r.nextInt(2), r.nextInt(12), r.nextInt(15), r.nextInt(6), r.nextInt(3),
                        1000 + r.nextInt(300_000), r1, r2, rl, units).withLatencyParts(parts(latency)));
            }
        }
        return out;
    }

    /** A latency split that sums exactly to {@code latency} (no random draw, so the other values stay put). */
    private static TreeMap<String, Long> parts(long latency) {
        TreeMap<String, Long> parts = new TreeMap<>();
        parts.put("llm.ttft", latency / 5);
        parts.put("tool", latency / 2);
        parts.put("state.kv", latency / 20);
        parts.put("orchestration", latency - latency / 5 - latency / 2 - latency / 20);
        return parts;
    }
}
