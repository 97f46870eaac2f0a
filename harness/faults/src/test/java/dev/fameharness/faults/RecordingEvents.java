package dev.fameharness.faults;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event, in order. */
final class RecordingEvents implements EventSink {

    final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void emit(Event event) {
        events.add(event);
    }

    synchronized List<Event.Note> notes(String subject) {
        return events.stream().filter(e -> e instanceof Event.Note n && n.subject().equals(subject))
                .map(e -> (Event.Note) e).toList();
    }

    synchronized <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
