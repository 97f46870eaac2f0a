package dev.fameharness.llm;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.RetriableException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Maps LangChain4j's client exceptions to the harness's: throttling, timeouts, server errors and lost
 * connections become {@link RetriableException} (codes {@code RateLimit}, {@code Timeout}, {@code ServerError},
 * {@code ConnectionError}); everything else becomes a non-retriable {@link ModelCallException}. Retrying is the
 * harness's job (the OpenAI client is built with {@code maxRetries(0)}), so that retries are visible, counted
 * and take modeled time.
 */
final class ModelErrors {

    /** Outcome labels written in {@link dev.fameharness.api.metering.Event.LlmCall#outcome()}. */
    static final String RATE_LIMIT = "rate_limit";
    static final String TIMEOUT = "timeout";
    static final String SERVER_ERROR = "server_error";
    static final String CONNECTION_ERROR = "connection_error";
    static final String INVALID_REQUEST = "invalid_request";
    static final String ERROR = "error";

    private ModelErrors() {
    }

    /** The harness exception for a failed call to {@code model}. */
    static FameException map(RuntimeException e, String model) {
        if (e instanceof FameException fame) {
            return fame;
        }
        String what = "call to model '" + model + "' failed";
        String detail = message(e);
        if (e instanceof RateLimitException) {
            return new RetriableException("RateLimit", what + ": rate limited (HTTP 429): " + detail, e);
        }
        if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)
                || hasCause(e, SocketTimeoutException.class)
                || hasCause(e, java.util.concurrent.TimeoutException.class)) {
            if (!hasCause(e, HttpConnectTimeoutException.class)) {
                return new RetriableException("Timeout", what + ": timed out: " + detail, e);
            }
        }
        if (e instanceof InternalServerException) {
            return new RetriableException("ServerError", what + ": server error: " + detail, e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, HttpConnectTimeoutException.class)) {
            return new RetriableException("ConnectionError", what + ": cannot connect: " + detail, e);
        }
        int status = status(e);
        if (e instanceof AuthenticationException) {
            return new ModelCallException(status, what + ": authentication rejected (check "
                    + LlmDefaults.OPENAI_API_KEY_ENV + "): " + detail, e);
        }
        if (e instanceof ModelNotFoundException) {
            return new ModelCallException(status, what + ": model or endpoint not found (check the model name "
                    + "and base URL): " + detail, e);
        }
        if (e instanceof InvalidRequestException) {
            return new ModelCallException(status, what + ": invalid request: " + detail, e);
        }
        return new ModelCallException(status, what + ": " + detail, e);
    }

    /** The outcome label for a mapped failure. */
    static String outcome(FameException e) {
        if (e instanceof RetriableException r) {
            return switch (r.code()) {
                case "RateLimit" -> RATE_LIMIT;
                case "Timeout" -> TIMEOUT;
                case "ServerError" -> SERVER_ERROR;
                case "ConnectionError" -> CONNECTION_ERROR;
                default -> ERROR;
            };
        }
        if (e instanceof ModelCallException m && m.statusCode() >= 400 && m.statusCode() < 500) {
            return INVALID_REQUEST;
        }
        return ERROR;
    }

    /** True when an OpenAI error body says the prompt did not fit the context window. */
    static boolean isContextLengthExceeded(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("context_length_exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return -1;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
