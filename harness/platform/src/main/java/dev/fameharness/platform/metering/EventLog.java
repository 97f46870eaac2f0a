package dev.fameharness.platform.metering;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The run's one event stream: every metered event in emission order (in virtual mode that order is
 * deterministic). Aggregations read it; {@link #writeJsonLines} writes it as the raw results file, one JSON
 * object per line with its {@code kind} first.
 */
public final class EventLog implements EventSink {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void emit(Event event) {
        events.add(event);
    }

    /** A snapshot of all events so far. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized <E extends Event> List<E> events(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    public synchronized List<Event> events(Predicate<Event> filter) {
        return events.stream().filter(filter).toList();
    }

    public synchronized int size() {
        return events.size();
    }

    /** One event as a JSON line (no newline). */
    public static String toJson(Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", event.kind());
        node.setAll((ObjectNode) JSON.valueToTree(event));
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void writeJsonLines(Writer out) throws IOException {
        for (Event e : events) {
            out.write(toJson(e));
            out.write('\n');
        }
    }

    public void writeJsonLines(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeJsonLines(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event stream to " + file, e);
        }
    }
}
