package dev.fameharness.api.time;

import java.time.Duration;

/**
 * Modeled cloud latencies, drawn from the calibration profile. Operation ids are the profile's entry ids
 * (for example {@code dynamodb.get}, {@code s3.put}, {@code lambda.init.java21}, {@code sfn.transition},
 * {@code llm.gpt-4o-mini.output_token}); {@code quantity} is what the entry declares it scales with
 * (bytes, tokens or memory MB) and is ignored by entries that declare none.
 *
 * <p><b>Common random numbers.</b> A draw is keyed by the logical operation it times, not by how many draws a
 * process made before it: the profile implementation seeds each draw from the run seed, the session and turn of
 * the current {@link Scope}, the operation id, a {@code subject} naming what the operation acts on (a tool and
 * its canonical arguments, a store key, a role, a function, a workflow state) and the ordinal of this same
 * (session, turn, operation, subject) within the turn. The same call in two architectures therefore draws the
 * same duration, and paired differences come only from what the architectures do differently.
 */
public interface LatencyModel {

    /** A duration for one operation with no further subject (see {@link #sample(String, long, String)}). */
    Duration sample(String operation, long quantity);

    /**
     * A duration for one operation on {@code subject} (what identifies the logical operation besides its id and
     * the current session and turn). Models without keyed draws ignore the subject.
     */
    default Duration sample(String operation, long quantity, String subject) {
        return sample(operation, quantity);
    }

    /** True when the profile has an entry with this id. */
    boolean has(String operation);

    /** A model where every operation takes no time (used by the oracle and by unit tests). */
    LatencyModel ZERO = new LatencyModel() {
        @Override
        public Duration sample(String operation, long quantity) {
            return Duration.ZERO;
        }

        @Override
        public boolean has(String operation) {
            return true;
        }
    };
}
