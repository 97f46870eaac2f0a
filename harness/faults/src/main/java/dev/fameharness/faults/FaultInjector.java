package dev.fameharness.faults;

import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.KeyedRandom;
import dev.fameharness.api.time.Scope;
import java.util.Objects;

/**
 * Takes the seeded fault decisions for every decorator of a run. A decision for a kind with probability {@code p}
 * draws one {@code nextDouble()} from the <em>calling process's</em> random stream ({@link Clock#random()}) and
 * injects when it is below {@code p}; kinds at 0 or 1 draw nothing. So in virtual mode the faults a run sees are a
 * pure function of its seed, and a plan with every kind at 0 leaves the run's random streams (and therefore its
 * results) exactly as without fault injection. Enabling a kind does shift the later draws of the processes that
 * decide it (latency samples, jitter): compare runs with the same plan, not a faulty run with a clean one draw by
 * draw.
 *
 * <p>Every injected fault is counted in the {@link FaultLog} and emitted as an
 * {@link Event.Note}{@code (subject "fault", text "<kind> <target>")} tagged with the current {@link Scope}.
 */
public final class FaultInjector {

    /** The subject of the notes that record injected faults. */
    public static final String NOTE_SUBJECT = "fault";

    private final FaultPlan plan;
    private final Clock clock;
    private final EventSink events;
    private final FaultLog log;
    private final KeyedRandom keyed;

    public FaultInjector(FaultPlan plan, Clock clock, EventSink events) {
        this(plan, clock, events, new FaultLog());
    }

    public FaultInjector(FaultPlan plan, Clock clock, EventSink events, FaultLog log) {
        this(plan, clock, events, log, null);
    }

    /** @param keyed the keyed streams decisions draw from (null = the calling process's stream) */
    public FaultInjector(FaultPlan plan, Clock clock, EventSink events, FaultLog log, KeyedRandom keyed) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.log = Objects.requireNonNull(log, "log");
        this.keyed = keyed;
    }

    /**
     * Decides whether this operation on {@code target} suffers a fault of {@code kind}; when it does, counts and
     * meters it. The caller then raises the fault.
     */
    public boolean inject(FaultKind kind, String target) {
        double p = plan.probability(kind);
        boolean fault;
        if (p <= 0.0) {
            fault = false;
        } else if (p >= 1.0) {
            fault = true;
        } else {
            fault = random(kind, target).nextDouble() < p;
        }
        log.record(kind, fault);
        if (fault) {
            events.emit(new Event.Note(clock.now().toNanos() / 1000, Scope.current(), NOTE_SUBJECT,
                    kind.label() + " " + target));
        }
        return fault;
    }

    /** The stream one decision draws from: keyed by the decision when a {@link KeyedRandom} is set. */
    java.util.random.RandomGenerator random(FaultKind kind, String target) {
        return keyed == null ? clock.random() : keyed.next("fault." + kind.label(), target);
    }

    public FaultPlan plan() {
        return plan;
    }

    public Clock clock() {
        return clock;
    }

    public EventSink events() {
        return events;
    }

    public FaultLog log() {
        return log;
    }
}
