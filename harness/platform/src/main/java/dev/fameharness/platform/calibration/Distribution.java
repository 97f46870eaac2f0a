package dev.fameharness.platform.calibration;

import java.util.random.RandomGenerator;

/**
 * The per-operation part of a latency entry, in milliseconds. Lognormal durations are parameterised the
 * way the sources state them (a median and a tail percentile), converted once to the log-space sigma.
 */
public sealed interface Distribution permits Distribution.Fixed, Distribution.LogNormal {

    /** z-scores of the standard normal distribution at p90 and p99. */
    double Z90 = 1.2815515655446004;
    double Z99 = 2.3263478740408408;

    /** One draw in milliseconds. */
    double sampleMs(RandomGenerator random);

    /** The distribution's median in milliseconds. */
    double medianMs();

    /** Always {@code ms}. */
    record Fixed(double ms) implements Distribution {
        public Fixed {
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new IllegalArgumentException("fixed ms must be a finite number >= 0, was " + ms);
            }
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return ms;
        }

        @Override
        public double medianMs() {
            return ms;
        }
    }

    /** {@code exp(ln(median) + sigma * Z)}, Z standard normal; sigma is the standard deviation of ln(duration). */
    record LogNormal(double medianMs, double sigma) implements Distribution {
        public LogNormal {
            if (!(medianMs > 0) || Double.isInfinite(medianMs)) {
                throw new IllegalArgumentException("lognormal median_ms must be > 0, was " + medianMs);
            }
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("lognormal sigma must be >= 0, was " + sigma);
            }
        }

        /** The lognormal whose median and 99th percentile are the given ones. */
        public static LogNormal ofMedianAndP99(double medianMs, double p99Ms) {
            return ofQuantile(medianMs, p99Ms, Z99, "p99_ms");
        }

        /** The lognormal whose median and 90th percentile are the given ones. */
        public static LogNormal ofMedianAndP90(double medianMs, double p90Ms) {
            return ofQuantile(medianMs, p90Ms, Z90, "p90_ms");
        }

        private static LogNormal ofQuantile(double medianMs, double quantileMs, double z, String name) {
            if (!(quantileMs >= medianMs)) {
                throw new IllegalArgumentException(name + " must be >= median_ms (" + medianMs + "), was " + quantileMs);
            }
            return new LogNormal(medianMs, Math.log(quantileMs / medianMs) / z);
        }

        /** The duration at quantile {@code z} of the standard normal (for example {@link #Z99}). */
        public double quantileMs(double z) {
            return medianMs * Math.exp(sigma * z);
        }

        @Override
        public double sampleMs(RandomGenerator random) {
            return medianMs * Math.exp(sigma * random.nextGaussian());
        }
    }
}
