package dev.fameharness.storage.s3;

import dev.fameharness.storage.AwsClients;
import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.store.ObjectInfo;
import dev.fameharness.api.store.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on any S3-compatible server (S3Proxy by default, LocalStack, MinIO, AWS) through the AWS
 * SDK v2 {@link S3Client}, path-style. One bucket per store; {@link #createBucketIfMissing()} creates it.
 *
 * <p>Limits: a single PUT is at most 5 GB on S3; we check it before sending (S3Proxy's transient store does
 * not enforce it). Errors: {@code SlowDown}, {@code ServiceUnavailable}, {@code InternalError},
 * {@code RequestTimeout}, 5xx and connection failures throw {@link RetriableException} with the code;
 * anything else {@link FameException}. Absent keys are empty results, never errors.
 */
public final class S3ObjectStore implements ObjectStore {

    public static final String BACKEND = "s3";
    public static final String LIMIT_PUT_SIZE = "s3.put_size";
    /** S3's maximum single PUT: 5 GB (S3 user guide, "Uploading objects"). */
    public static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    private static final Set<String> RETRIABLE_CODES = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "ThrottlingException", "RequestTimeTooSkewed");

    private final S3Client client;
    private final String bucket;
    private final boolean ownsClient;

    public S3ObjectStore(S3Client client, String bucket, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.ownsClient = ownsClient;
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket name must be 3-63 of [a-z0-9.-], was '" + bucket + "'");
        }
    }

    /** Creates the bucket unless it exists. */
    public S3ObjectStore createBucketIfMissing() {
        try {
            try {
                client.headBucket(b -> b.bucket(bucket));
                return this;
            } catch (NoSuchBucketException absent) {
                client.createBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                client.createBucket(b -> b.bucket(bucket));
            }
        } catch (BucketAlreadyOwnedByYouException raced) {
            return this;
        } catch (SdkException e) {
            throw translate(e, "create bucket", "");
        }
        return this;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public String put(String key, byte[] data, Map<String, String> metadata) {
        requireKey(key);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
        if (data.length > MAX_PUT_BYTES) {
            throw new LimitExceededException(LIMIT_PUT_SIZE, MAX_PUT_BYTES, data.length,
                    "s3 put of '" + key + "': " + data.length + " bytes exceed S3's single PUT maximum of 5 GB");
        }
        try {
            return client.putObject(b -> b.bucket(bucket).key(key).metadata(metadata).contentLength((long) data.length),
                    RequestBody.fromBytes(data)).eTag();
        } catch (SdkException e) {
            throw translate(e, "put", key);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        requireKey(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(e, "get", key);
        }
    }

    @Override
    public Optional<byte[]> getRange(String key, long offset, long length) {
        requireKey(key);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0, were " + offset + ", " + length);
        }
        if (length == 0) {
            return head(key).map(info -> new byte[0]);
        }
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // the range starts at or beyond the end of an existing object: no bytes
                return Optional.of(new byte[0]);
            }
            throw translate(e, "get range", key);
        } catch (SdkException e) {
            throw translate(e, "get range", key);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        requireKey(key);
        try {
            HeadObjectResponse r = client.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(key, r.contentLength(), unquote(r.eTag()),
                    r.hasMetadata() ? r.metadata() : Map.of()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw translate(e, "head", key);
        } catch (SdkException e) {
            throw translate(e, "head", key);
        }
    }

    @Override
    public void delete(String key) {
        requireKey(key);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // deleting an absent object is not an error
        } catch (SdkException e) {
            throw translate(e, "delete", key);
        }
    }

    /** Lists with ListObjectsV2, page by page (1,000 keys each); metadata is not part of a listing (empty). */
    @Override
    public List<ObjectInfo> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<ObjectInfo> result = new ArrayList<>();
        String token = null;
        try {
            do {
                String continuation = token;
                ListObjectsV2Response page = client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                        .continuationToken(continuation));
                for (S3Object o : page.contents()) {
                    result.add(new ObjectInfo(o.key(), o.size(), unquote(o.eTag()), Map.of()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw translate(e, "list", prefix);
        }
        result.sort(Comparator.comparing(ObjectInfo::key));
        return List.copyOf(result);
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    private FameException translate(SdkException e, String op, String key) {
        String where = "s3 " + op + (key.isEmpty() ? "" : " of '" + key + "'") + " in bucket " + bucket;
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            if (code == null) {
                code = "HTTP" + s.statusCode();
            }
            return AwsClients.serviceFailure(where, code, message, s.statusCode(), RETRIABLE_CODES, e);
        }
        return AwsClients.clientFailure(where, e);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[bucket " + bucket + "]";
    }
}
