package dev.fameharness.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * One tool result in the agent's working state. {@code content} is what prompts show: the full response
 * when the architecture carries bytes, or a short reference description when it carries references
 * ({@code ref} then names the stored artifact, e.g. {@code s3://bucket/key}).
 */
public record Observation(String tool, String arguments, String content, String ref, boolean error) {

    public Observation {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(ref, "ref");
    }

    @JsonIgnore
    public boolean isReference() {
        return !ref.isEmpty();
    }
}
