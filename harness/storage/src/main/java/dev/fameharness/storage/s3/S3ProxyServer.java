package dev.fameharness.storage.s3;

import dev.fameharness.api.error.FameException;
import dev.fameharness.storage.server.LaunchedServer;
import dev.fameharness.storage.server.Ports;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy (org.gaul:s3proxy) in this JVM: a real S3 REST API (path-style) over a transient in-memory blob
 * store, listening on 127.0.0.1 only, on a port the OS picks. Requests must be signed (AWS SigV2 or SigV4)
 * with {@link #accessKey()} / {@link #secretKey()}.
 *
 * <p>The launcher creates no bucket: {@link S3ObjectStore#createBucketIfMissing()} does.
 */
public final class S3ProxyServer implements LaunchedServer {

    public static final String DEFAULT_ACCESS_KEY = "local";
    public static final String DEFAULT_SECRET_KEY = "local-secret";

    private final Duration startTimeout;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;
    private int port;
    private long startMillis = -1;

    /** A server with the default local credentials, ready within 30 s. */
    public S3ProxyServer() {
        this(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Duration.ofSeconds(30));
    }

    public S3ProxyServer(String accessKey, String secretKey, Duration startTimeout) {
        this.accessKey = requireText(accessKey, "accessKey");
        this.secretKey = requireText(secretKey, "secretKey");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public synchronized void start() {
        if (proxy != null) {
            throw new IllegalStateException("S3Proxy already started on port " + port);
        }
        long t0 = System.nanoTime();
        S3Proxy candidate = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://" + Ports.LOOPBACK + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            candidate.start();
        } catch (Exception e) {
            throw new FameException("Cannot start S3Proxy on 127.0.0.1: " + e.getMessage(), e);
        }
        proxy = candidate;
        Ports.await("S3Proxy on 127.0.0.1", startTimeout, () -> "STARTED".equals(candidate.getState()));
        port = candidate.getPort();
        startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public URI endpoint() {
        requireStarted();
        return URI.create("http://" + Ports.LOOPBACK + ":" + port);
    }

    @Override
    public int port() {
        requireStarted();
        return port;
    }

    @Override
    public long startMillis() {
        requireStarted();
        return startMillis;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public synchronized boolean isRunning() {
        return proxy != null;
    }

    private void requireStarted() {
        if (startMillis < 0) {
            throw new IllegalStateException("S3Proxy is not started: call start() first");
        }
    }

    @Override
    public synchronized void close() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new FameException("Cannot stop S3Proxy on port " + port + ": " + e.getMessage(), e);
        } finally {
            proxy = null;
        }
    }

    @Override
    public String toString() {
        return "S3ProxyServer[" + (startMillis < 0 ? "not started" : endpoint()) + "]";
    }
}
