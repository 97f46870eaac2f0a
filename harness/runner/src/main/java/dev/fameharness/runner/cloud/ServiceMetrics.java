package dev.fameharness.runner.cloud;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The run's store usage as AWS itself measured it, from CloudWatch GetMetricData over the run's window (Sum per
 * minute, added up): DynamoDB {@code ConsumedReadCapacityUnits}/{@code ConsumedWriteCapacityUnits} of the run's table
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html) and S3 request counts
 * of the run's bucket under the stack's request-metrics filter (a bucket MetricsConfiguration; S3 publishes request
 * metrics only for such a filter: https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html).
 * A metric CloudWatch returns no data points for is not measured ({@link OptionalDouble#empty()}), never zero.
 */
public final class ServiceMetrics {

    /** The metrics collected, by the key they are reported under. */
    public static final List<String> DYNAMODB = List.of("ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits");
    public static final List<String> S3 = List.of("GetRequests", "PutRequests", "HeadRequests", "ListRequests",
            "DeleteRequests", "AllRequests");

    private ServiceMetrics() {
    }

    /** The keys {@link #collect} reports for a stack with this table and bucket. */
    public static List<String> keys(Optional<String> table, Optional<String> bucket) {
        List<String> keys = new ArrayList<>();
        table.ifPresent(t -> DYNAMODB.forEach(m -> keys.add("dynamodb." + m)));
        bucket.ifPresent(b -> S3.forEach(m -> keys.add("s3." + m)));
        return keys;
    }

    /**
     * Totals over {@code [from, to]} (widened to whole minutes) keyed {@code dynamodb.<Metric>} and
     * {@code s3.<Metric>}; a store the stack does not have is not queried.
     */
    public static Map<String, OptionalDouble> collect(CloudWatchClient cw, Optional<String> table,
                                                      Optional<String> bucket, String s3FilterId,
                                                      Instant from, Instant to) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, String> keyById = new LinkedHashMap<>();
        table.ifPresent(t -> DYNAMODB.forEach(m -> add(queries, keyById, "dynamodb." + m, "AWS/DynamoDB", m,
                List.of(dim("TableName", t)))));
        bucket.ifPresent(b -> S3.forEach(m -> add(queries, keyById, "s3." + m, "AWS/S3", m,
                List.of(dim("BucketName", b), dim("FilterId", s3FilterId)))));
        Map<String, OptionalDouble> out = new LinkedHashMap<>();
        keyById.values().forEach(k -> out.put(k, OptionalDouble.empty()));
        if (queries.isEmpty()) {
            return out;
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        cw.getMetricDataPaginator(b -> b.metricDataQueries(queries)
                .startTime(from.truncatedTo(ChronoUnit.MINUTES))
                .endTime(to.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)))
                .forEach(page -> {
                    for (MetricDataResult r : page.metricDataResults()) {
                        if (r.hasValues() && !r.values().isEmpty()) {
                            double[] acc = sums.computeIfAbsent(r.id(), id -> new double[1]);
                            r.values().forEach(v -> acc[0] += v);
                        }
                    }
                });
        sums.forEach((id, s) -> {
            String key = keyById.get(id);
            if (key != null) {
                out.put(key, OptionalDouble.of(s[0]));
            }
        });
        return out;
    }

    private static void add(List<MetricDataQuery> queries, Map<String, String> keyById, String key, String namespace,
                            String metric, List<Dimension> dims) {
        String id = "m" + queries.size(); // ids: lower-case letter first, letters, digits, underscore
        keyById.put(id, key);
        queries.add(MetricDataQuery.builder().id(id).label(key).returnData(true)
                .metricStat(s -> s.metric(m -> m.namespace(namespace).metricName(metric).dimensions(dims))
                        .period(60).stat("Sum"))
                .build());
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
