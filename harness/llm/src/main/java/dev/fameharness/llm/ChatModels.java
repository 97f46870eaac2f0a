package dev.fameharness.llm;

import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Path;

/**
 * Builds the three models the harness runs with, each metered into the run's event stream:
 * {@code simulated} (default, {@link SimulatedChatModel}), {@code openai} (any OpenAI-compatible endpoint)
 * and {@code replay} ({@link ReplayChatModel}, recording any model or answering from recordings).
 */
public final class ChatModels {

    private ChatModels() {
    }

    /**
     * LangChain4j's OpenAI client for {@code settings}, unmetered. Retries are off ({@code maxRetries(0)}):
     * retrying is the harness's job. Temperature is {@value LlmDefaults#OPENAI_TEMPERATURE_TEXT} for reproducible
     * answers.
     */
    public static OpenAiChatModel openAiClient(OpenAiSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .temperature(LlmDefaults.OPENAI_TEMPERATURE)
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    /** The {@code openai} model: the OpenAI client, metered from the responses' usage. */
    public static MeteredChatModel openAi(OpenAiSettings settings, Clock clock, LatencyModel latency, EventSink events) {
        return new MeteredChatModel(openAiClient(settings), settings.modelName(), clock, latency, events);
    }

    /** The {@code openai} model, recording every response into {@code dir} (record mode of {@code replay}). */
    public static MeteredChatModel recordingOpenAi(OpenAiSettings settings, Path dir, Clock clock, LatencyModel latency,
                                                   EventSink events) {
        return new MeteredChatModel(ReplayChatModel.record(openAiClient(settings), dir), settings.modelName(), clock,
                latency, events);
    }

    /** The {@code replay} model: answers from {@code dir} without any network, metered like the original. */
    public static MeteredChatModel replay(Path dir, String modelName, Clock clock, LatencyModel latency, EventSink events) {
        return new MeteredChatModel(ReplayChatModel.replay(dir), modelName, clock, latency, events);
    }
}
