package dev.fameharness.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a stored artifact is referred to in prompts and payloads: a header line
 * {@code [artifact ref=<uri> bytes=<n>]} followed by a short description (for a paper: its outline), so a
 * model can decide which parts to read with the {@code read_artifact} tool.
 */
public final class ArtifactRefs {

    /** The tool that reads part of a stored artifact; offered only by architectures that store artifacts. */
    public static final String READ_TOOL = "read_artifact";

    private static final Pattern HEADER = Pattern.compile("^\\[artifact ref=(\\S+) bytes=(\\d+)]");

    private ArtifactRefs() {
    }

    public static String header(String uri, long bytes) {
        return "[artifact ref=" + uri + " bytes=" + bytes + "]";
    }

    /** The reference URI if {@code content} starts with an artifact header. */
    public static Optional<String> refOf(String content) {
        Matcher m = HEADER.matcher(content);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
