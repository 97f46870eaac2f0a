package dev.fameharness.platform.faas;

import dev.fameharness.platform.calibration.CalibrationProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * The platform's limits, as on AWS Lambda. Defaults come from the calibration profile's constants (each
 * sourced there): {@code lambda.sync_request_bytes}, {@code lambda.sync_response_bytes},
 * {@code lambda.async_request_bytes}, {@code lambda.account_concurrency}, {@code lambda.keep_alive_s},
 * {@code lambda.mb_per_vcpu}, {@code lambda.bill_init_phase}.
 *
 * @param syncRequestBytes   largest accepted REQUEST_RESPONSE request (inclusive)
 * @param syncResponseBytes  largest accepted REQUEST_RESPONSE response (inclusive)
 * @param asyncRequestBytes  largest accepted EVENT request (inclusive); EVENT responses are discarded
 * @param accountConcurrency concurrent executions (busy instances, all functions) before throttling
 * @param keepAlive          an instance idle this long or longer is evicted
 * @param mbPerVcpu          memory that buys one full vCPU ({@code cpuShare = min(1, memoryMb / mbPerVcpu)})
 * @param billInitPhase      whether INIT time is part of the billed duration (AWS: yes since 2025-08-01)
 */
public record FaasConfig(long syncRequestBytes, long syncResponseBytes, long asyncRequestBytes,
                         int accountConcurrency, Duration keepAlive, int mbPerVcpu, boolean billInitPhase) {

    public FaasConfig {
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (syncRequestBytes <= 0 || syncResponseBytes <= 0 || asyncRequestBytes <= 0) {
            throw new IllegalArgumentException("payload limits must be > 0");
        }
        if (accountConcurrency <= 0) {
            throw new IllegalArgumentException("accountConcurrency must be > 0, was " + accountConcurrency);
        }
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException("keepAlive must be >= 0, was " + keepAlive);
        }
        if (mbPerVcpu <= 0) {
            throw new IllegalArgumentException("mbPerVcpu must be > 0, was " + mbPerVcpu);
        }
    }

    /** The limits a profile declares. */
    public static FaasConfig fromProfile(CalibrationProfile profile) {
        return new FaasConfig(
                profile.constant("lambda.sync_request_bytes").asLong(),
                profile.constant("lambda.sync_response_bytes").asLong(),
                profile.constant("lambda.async_request_bytes").asLong(),
                Math.toIntExact(profile.constant("lambda.account_concurrency").asLong()),
                Duration.ofSeconds(profile.constant("lambda.keep_alive_s").asLong()),
                Math.toIntExact(profile.constant("lambda.mb_per_vcpu").asLong()),
                profile.constant("lambda.bill_init_phase").asLong() != 0);
    }

    /** The limits of the default profile (AWS us-east-1). */
    public static FaasConfig defaults() {
        return fromProfile(CalibrationProfile.loadDefault());
    }

    public FaasConfig withAccountConcurrency(int limit) {
        return new FaasConfig(syncRequestBytes, syncResponseBytes, asyncRequestBytes, limit, keepAlive, mbPerVcpu,
                billInitPhase);
    }

    public FaasConfig withKeepAlive(Duration newKeepAlive) {
        return new FaasConfig(syncRequestBytes, syncResponseBytes, asyncRequestBytes, accountConcurrency,
                newKeepAlive, mbPerVcpu, billInitPhase);
    }

    public FaasConfig withBillInitPhase(boolean bill) {
        return new FaasConfig(syncRequestBytes, syncResponseBytes, asyncRequestBytes, accountConcurrency, keepAlive,
                mbPerVcpu, bill);
    }
}
