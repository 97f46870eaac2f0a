package dev.fameharness.api.time;

import dev.fameharness.api.metering.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random streams keyed by the logical operation they serve (common random numbers): each call of {@link #next}
 * returns a fresh stream seeded from the run seed, the session and turn of the current {@link Scope}, the
 * operation, the subject and the ordinal of this same (session, turn, operation, subject) in the turn. The same
 * operation of the same turn therefore gets the same numbers in every architecture, whatever else ran before it.
 * Thread-safe; deterministic in virtual mode, where processes run one at a time.
 */
public final class KeyedRandom {

    private final long seed;
    private final Map<String, Integer> ordinals = new HashMap<>();

    public KeyedRandom(long seed) {
        this.seed = seed;
    }

    /** The stream for the next occurrence of {@code operation} on {@code subject} in the current turn. */
    public RandomGenerator next(String operation, String subject) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(subject, "subject");
        Tags tags = Scope.current();
        String key = tags.session() + '\u0000' + tags.turn() + '\u0000' + operation + '\u0000' + subject;
        int ordinal;
        synchronized (ordinals) {
            ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
        }
        return new SplittableRandom(Seeds.derive(seed, tags.session(), tags.turn(), operation, subject,
                Integer.toString(ordinal)));
    }
}
