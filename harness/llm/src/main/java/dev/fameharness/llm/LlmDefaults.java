package dev.fameharness.llm;

/**
 * Every default of this module in one place, with its source (see {@code ../shared/CALIBRATION-SOURCES.md}).
 */
public final class LlmDefaults {

    /** The model the paper uses (FAME, arXiv 2601.14735). */
    public static final String MODEL = "gpt-4o-mini";

    /** GPT-4o-mini context window in tokens (OpenAI model docs; secondary: anttisahla.com/ai/models/gpt-4o-mini, 2026-05). */
    public static final int CONTEXT_WINDOW_TOKENS = 128_000;

    /** GPT-4o-mini maximum output tokens (same source as {@link #CONTEXT_WINDOW_TOKENS}). */
    public static final int MAX_OUTPUT_TOKENS = 16_384;

    /** Limit id used in {@link dev.fameharness.api.error.LimitExceededException} for a prompt that does not fit. */
    public static final String CONTEXT_WINDOW_LIMIT = "llm.context_window";

    /** Outcome of a successful call in {@link dev.fameharness.api.metering.Event.LlmCall}. */
    public static final String OUTCOME_OK = "ok";

    /** Outcome of a call rejected because the prompt exceeded the context window. */
    public static final String OUTCOME_CONTEXT_WINDOW = "context_window";

    /** Base URL of OpenAI's API; any OpenAI-compatible server (vLLM, Ollama, a fake) can replace it. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Environment variable holding the API key for the {@code openai} model. */
    public static final String OPENAI_API_KEY_ENV = "OPENAI_API_KEY";

    /** Client-side timeout of one call to a real model. */
    public static final java.time.Duration OPENAI_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** Sampling temperature sent to real models: 0 for answers as reproducible as the provider allows. */
    public static final double OPENAI_TEMPERATURE = 0.0;

    /** {@link #OPENAI_TEMPERATURE} as text, for Javadoc. */
    public static final String OPENAI_TEMPERATURE_TEXT = "0.0";

    private LlmDefaults() {
    }

    /** Latency-profile entry for time to first token (quantity 0). */
    public static String ttftOperation(String model) {
        return "llm." + model + ".ttft";
    }

    /** Latency-profile entry for prompt processing (quantity = input tokens; the entry returns the total). */
    public static String inputTokenOperation(String model) {
        return "llm." + model + ".input_token";
    }

    /** Latency-profile entry for generation (quantity = output tokens; the entry returns the total). */
    public static String outputTokenOperation(String model) {
        return "llm." + model + ".output_token";
    }
}
