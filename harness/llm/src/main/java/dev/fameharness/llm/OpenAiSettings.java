package dev.fameharness.llm;

import dev.fameharness.api.error.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint: OpenAI itself, vLLM, Ollama, or a fake.
 *
 * @param baseUrl   up to and including the version path, e.g. {@code https://api.openai.com/v1} or
 *                  {@code http://127.0.0.1:8000/v1}; {@code /chat/completions} is appended by the client
 * @param apiKey    the bearer token (never logged; local servers accept any non-empty value)
 * @param modelName the model to request, e.g. {@code gpt-4o-mini}
 * @param timeout   client-side timeout of one call
 */
public record OpenAiSettings(String baseUrl, String apiKey, String modelName, Duration timeout) {

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(timeout, "timeout");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new ConfigException("OpenAI base URL must start with http:// or https://, was '" + baseUrl + "'");
        }
        if (apiKey.isBlank()) {
            throw new ConfigException("OpenAI API key is empty; set " + LlmDefaults.OPENAI_API_KEY_ENV);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("OpenAI timeout must be positive, was " + timeout);
        }
    }

    /**
     * Settings with the key from {@code OPENAI_API_KEY} in {@code environment} (pass {@link System#getenv()}).
     *
     * @param baseUrl null for OpenAI's own endpoint
     * @throws ConfigException when the variable is missing or empty
     */
    public static OpenAiSettings fromEnvironment(Map<String, String> environment, String baseUrl, String modelName) {
        String key = environment.get(LlmDefaults.OPENAI_API_KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new ConfigException("the openai model needs an API key in the environment variable "
                    + LlmDefaults.OPENAI_API_KEY_ENV + " (local OpenAI-compatible servers accept any value)");
        }
        return new OpenAiSettings(baseUrl == null ? LlmDefaults.OPENAI_BASE_URL : baseUrl, key, modelName,
                LlmDefaults.OPENAI_TIMEOUT);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", modelName=" + modelName + ", timeout=" + timeout + "]";
    }
}
