package dev.fameharness.bench;

import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.baselines.PayloadStateCarrier;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.platform.metering.EventLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs every benchmark uses, built deterministically (fixed seed) so that runs compare. Shapes follow
 * what the paper-summarization scenario produces: {@code search_papers} / {@code get_section} arguments, a
 * turn state with memory, plan, three observations and an answer, a store-operation and an LLM-call event.
 *
 * <p>{@code java -cp harness/bench/target/benchmarks.jar dev.fameharness.bench.Fixtures} prints the sizes
 * of these inputs (what the README's table refers to).
 */
public final class Fixtures {

    /** FAME's default offload threshold ({@code offload_threshold_bytes} in the runner's presets). */
    public static final long OFFLOAD_THRESHOLD_BYTES = 16_384;
    /** The size of the full-text observation a stateless-payload state carries. */
    public static final int LARGE_OBSERVATION_BYTES = 100 * 1024;
    public static final String PAPERS_SERVER = "papers";

    private static final long SEED = 20_260_122L;
    private static final String SESSION = "session-0007";
    private static final String TURN = "turn-03";
    private static final String PAPER = "journal.pbio.0020334";
    private static final String[] WORDS = ("the of and in to a is that for with as by on are was were we this "
            + "rhomboid vulval development signalling epidermal growth factor receptor cells induction "
            + "Drosophila elegans protease Spitz secretion ligand mutant phenotype expression pathway "
            + "results suggest required anchor cell precursor fate lineage gradient assay figure table "
            + "significantly observed however therefore consistent previous studies model data analysis").split(" ");

    private Fixtures() {
    }

    /** Arguments of a typical call of {@code tool} ({@code search_papers} or {@code get_section}), as a model writes them. */
    public static String toolArguments(String tool) {
        return switch (tool) {
            case "search_papers" -> "{\"query\": \"rhomboid vulval development EGF signalling\", \"limit\": 5}";
            // keys out of order and with spaces, as models write them: canonicalisation has work to do
            case "get_section" -> "{ \"section\": \"Results / Rhomboid is required in the anchor cell\",\n"
                    + "  \"paper_id\": \"" + PAPER + "\" }";
            default -> throw new IllegalArgumentException("no fixture arguments for tool '" + tool
                    + "': accepted are search_papers, get_section");
        };
    }

    /** {@code sizeBytes} of deterministic, non-constant bytes. */
    public static byte[] value(int sizeBytes) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        byte[] bytes = new byte[sizeBytes];
        new SplittableRandom(SEED).nextBytes(bytes);
        return bytes;
    }

    /**
     * A working state of one of two shapes.
     *
     * @param shape {@code fame-small}: observations carried as references (artifact header and outline), as
     *              FAME's working state is; {@code stateless-100kb}: the same turn with the fetched paper's
     *              full text (100 KB) inline, as the stateless-payload architecture carries it
     */
    public static AgentState state(String shape) {
        return switch (shape) {
            case "fame-small" -> turn(new Observation("fetch_paper", paperArgs(),
                    ArtifactRefs.header("s3://fame-objects/artifacts/5f0c2a9e41d7b3a8c6e1f0d2b4a69c73", LARGE_OBSERVATION_BYTES)
                            + "\nOutline: 0 Introduction (6120 chars) | 1 Results (31840) | 1.1 Rhomboid is required in "
                            + "the anchor cell (9410) | 1.2 Spitz secretion (8702) | 2 Discussion (12980) | "
                            + "3 Materials and Methods (21410) | 4 Figures (4650)",
                    "s3://fame-objects/artifacts/5f0c2a9e41d7b3a8c6e1f0d2b4a69c73", false));
            case "stateless-100kb" -> turn(new Observation("fetch_paper", paperArgs(),
                    text(LARGE_OBSERVATION_BYTES), "", false));
            default -> throw new IllegalArgumentException("unknown state shape '" + shape
                    + "': accepted are fame-small, stateless-100kb");
        };
    }

    private static AgentState turn(Observation paper) {
        List<MemoryNote> memory = List.of(
                new MemoryNote("turn-01", "summary", "paper:journal.pbio.0020112",
                        "EGF receptor signalling patterns the fly eye; Argos acts as an inhibitor. " + text(240)),
                new MemoryNote("turn-02", "answer", "question",
                        "The user studies vulval induction in C. elegans and wants short summaries. " + text(160)));
        Observation search = new Observation("search_papers", toolArguments("search_papers"),
                "1. " + PAPER + " | Rhomboid and Spitz in vulval induction | score 12.4 | " + text(120) + "\n"
                        + "2. journal.pbio.0020112 | EGF receptor signalling in the eye | score 9.1 | " + text(120) + "\n"
                        + "3. journal.pbio.0030021 | Anchor cell invasion | score 7.7 | " + text(120), "", false);
        Observation part = new Observation("read_artifact",
                "{\"ref\": \"s3://fame-objects/artifacts/5f0c2a9e41d7b3a8c6e1f0d2b4a69c73\", \"offset\": 6120, \"length\": 4096}",
                ArtifactRefs.header("s3://fame-objects/parts/9d1e4b7a20c8f3e6", 4096) + "\nResults, part 1 of 8",
                "s3://fame-objects/parts/9d1e4b7a20c8f3e6", false);
        return new AgentState(SESSION, TURN, "Summarise " + PAPER + " for a biologist: main finding, method and "
                + "limitations, in under 200 words.", memory, true,
                "1. search_papers for the paper. 2. fetch_paper " + PAPER + ". 3. read the Results section. "
                        + "4. write the summary with the main finding first. " + text(200),
                List.of(search, paper, part), text(1200), AgentState.ACCEPT, "", 1);
    }

    private static String paperArgs() {
        return "{\"paper_id\": \"" + PAPER + "\"}";
    }

    /** A store operation as the metering decorators emit it (the most frequent event of a run). */
    public static Event storeOpEvent() {
        return new Event.StoreOp(12_345_678L, tags("actor"), "dynamodb", "put", 3_412,
                Event.StoreOp.units(Map.of("dynamodb.wru", 4.0)), 5_210, "ok");
    }

    /** A model call as the LLM layer emits it. */
    public static Event llmCallEvent() {
        return new Event.LlmCall(12_345_678L, tags("planner"), "gpt-4o-mini", 5_234, 1_024, 312, 1_840_000, "ok");
    }

    public static Event event(String kind) {
        return switch (kind) {
            case "StoreOp" -> storeOpEvent();
            case "LlmCall" -> llmCallEvent();
            default -> throw new IllegalArgumentException("unknown event kind '" + kind + "': accepted are StoreOp, LlmCall");
        };
    }

    private static Tags tags(String role) {
        return new Tags("fame", SESSION, TURN, role);
    }

    /** {@code chars} characters of English-like ASCII text with paragraph breaks and quotes (JSON escapes). */
    static String text(int chars) {
        SplittableRandom random = new SplittableRandom(SEED + chars);
        StringBuilder sb = new StringBuilder(chars + 16);
        int sentence = 0;
        while (sb.length() < chars) {
            sb.append(WORDS[random.nextInt(WORDS.length)]);
            int r = random.nextInt(100);
            if (r < 8) {
                sb.append(". ");
                if (++sentence % 6 == 0) {
                    sb.append("\n\n");
                }
            } else if (r < 10) {
                sb.append(" \"").append(WORDS[random.nextInt(WORDS.length)]).append("\" ");
            } else {
                sb.append(' ');
            }
        }
        sb.setLength(chars);
        return sb.toString();
    }

    /** Prints the sizes of the fixtures. */
    public static void main(String[] args) {
        PayloadStateCarrier payload = new PayloadStateCarrier();
        for (String shape : List.of("fame-small", "stateless-100kb")) {
            System.out.printf("state %-16s payload-carrier bytes: %,d%n", shape, payload.encode(state(shape)).length);
        }
        for (String tool : List.of("search_papers", "get_section")) {
            System.out.printf("arguments %-13s bytes: %d%n", tool, toolArguments(tool).getBytes(StandardCharsets.UTF_8).length);
        }
        for (String kind : List.of("StoreOp", "LlmCall")) {
            System.out.printf("event %-8s json: %s%n", kind, EventLog.toJson(event(kind)));
        }
    }
}
