package dev.fameharness.storage.metering;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: keeps every store event. */
final class RecordingSink implements EventSink {

    final List<Event.StoreOp> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(Event event) {
        events.add((Event.StoreOp) event);
    }
}
