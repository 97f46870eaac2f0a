package dev.fameharness.api.error;

/** Bad configuration or input: names the file, field or value and says what is accepted. Never retriable. */
public class ConfigException extends FameException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
