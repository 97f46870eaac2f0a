package dev.fameharness.api.time;

import java.time.Duration;

/**
 * Modeled cloud latencies, drawn from the calibration profile. Operation ids are the profile's entry ids
 * (for example {@code dynamodb.get}, {@code s3.put}, {@code lambda.init.java21}, {@code sfn.transition},
 * {@code llm.gpt-4o-mini.output_token}); {@code quantity} is what the entry declares it scales with
 * (bytes, tokens or memory MB) and is ignored by entries that declare none.
 */
public interface LatencyModel {

    /** A duration for one operation, drawn from the calling process's random stream. */
    Duration sample(String operation, long quantity);

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
