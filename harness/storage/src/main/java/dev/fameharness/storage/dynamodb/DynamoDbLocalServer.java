package dev.fameharness.storage.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.fameharness.api.error.FameException;
import dev.fameharness.storage.server.LaunchedServer;
import dev.fameharness.storage.server.Ports;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local (com.amazonaws:DynamoDBLocal) in HTTP server mode, in this JVM, in memory, telemetry off.
 *
 * <p>Bind address: DynamoDB Local has no option for it ({@code ServerRunner} builds
 * {@code new org.eclipse.jetty.server.Server(port)}, which listens on all interfaces). Before starting, this
 * launcher reaches into the proxy server's Jetty {@code Server} and sets its connector's host to
 * {@code 127.0.0.1}; {@link #boundToLoopbackOnly()} says whether that worked (if a future DynamoDB Local
 * changes its internals it falls back to all interfaces and says so).
 *
 * <p>The launcher creates no table: {@link DynamoDbKeyValueStore#createTableIfMissing()} does.
 */
public final class DynamoDbLocalServer implements LaunchedServer {

    private final Duration startTimeout;
    private final int requestedPort;
    private DynamoDBProxyServer server;
    private int port;
    private long startMillis = -1;
    private boolean loopbackOnly;

    /** A server on a free port, ready within 30 s. */
    public DynamoDbLocalServer() {
        this(0, Duration.ofSeconds(30));
    }

    /** @param port the port, or 0 for a free one */
    public DynamoDbLocalServer(int port, Duration startTimeout) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free) or 1-65535, was " + port);
        }
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
        this.requestedPort = port;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("DynamoDB Local already started on port " + port);
        }
        long t0 = System.nanoTime();
        port = requestedPort != 0 ? requestedPort : Ports.freeLoopbackPort();
        try {
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            loopbackOnly = restrictToLoopback(server);
            server.start();
        } catch (Exception e) {
            server = null;
            throw new FameException("Cannot start DynamoDB Local on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        Ports.await("DynamoDB Local on 127.0.0.1:" + port, startTimeout, () -> Ports.accepts(port));
        startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    private static boolean restrictToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(proxy);
            boolean all = true;
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector sc) {
                    sc.setHost(Ports.LOOPBACK);
                } else {
                    all = false;
                }
            }
            return all && jetty.getConnectors().length > 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** True when the server listens on 127.0.0.1 only (false = all interfaces, DynamoDB Local's default). */
    public boolean boundToLoopbackOnly() {
        return loopbackOnly;
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

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    private void requireStarted() {
        if (startMillis < 0) {
            throw new IllegalStateException("DynamoDB Local is not started: call start() first");
        }
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new FameException("Cannot stop DynamoDB Local on port " + port + ": " + e.getMessage(), e);
        } finally {
            server = null;
        }
    }

    @Override
    public String toString() {
        return "DynamoDbLocalServer[" + (startMillis < 0 ? "not started" : endpoint()) + "]";
    }
}
