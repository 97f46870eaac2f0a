package dev.fameharness.storage.metering;

/**
 * Amazon S3 request classes and data transfer, as billed for S3 Standard: PUT, COPY, POST and LIST requests
 * are "tier 1" ($0.005 per 1,000 in us-east-1), GET, SELECT and all other requests (HEAD included) are
 * "tier 2" ($0.0004 per 1,000), DELETE (and CANCEL) requests are free. A LIST (ListObjectsV2) returns at most
 * 1,000 keys, so listing {@code n} keys takes {@code max(1, ceil(n / 1000))} requests. Bytes are counted in
 * both directions ({@code s3.bytes_in}, {@code s3.bytes_out}); in-region transfer is free, but the figures
 * are what a cross-region or internet deployment would pay for.
 *
 * <p>Sources: Amazon S3 pricing, "Requests & data retrievals" (https://aws.amazon.com/s3/pricing/);
 * Amazon S3 API Reference, ListObjectsV2 ("returns some or all (up to 1,000) of the objects");
 * figures in ../shared/CALIBRATION-SOURCES.md (Prices).
 */
public final class S3BillingRules {

    public static final String TIER1 = "s3.tier1";
    public static final String TIER2 = "s3.tier2";
    public static final String BYTES_IN = "s3.bytes_in";
    public static final String BYTES_OUT = "s3.bytes_out";
    public static final int LIST_PAGE_KEYS = 1000;

    private S3BillingRules() {
    }

    /** LIST requests needed to list {@code keys} keys (one even for an empty listing). */
    public static long listRequests(long keys) {
        return Math.max(1, (keys + LIST_PAGE_KEYS - 1) / LIST_PAGE_KEYS);
    }
}
