package dev.fameharness.storage.redis;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.FameException;
import dev.fameharness.storage.server.LaunchedServer;
import dev.fameharness.storage.server.Ports;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} child process on 127.0.0.1 and a free port, without persistence
 * ({@code --bind 127.0.0.1 --port N --save '' --appendonly no}).
 *
 * <p>Binary: the system {@code redis-server} on {@code PATH} (Debian package {@code redis-server}); if there is
 * none, the binary bundled in {@code com.github.codemonstur:embedded-redis} (Redis 6.2). {@link #binary()} and
 * {@link #isEmbeddedBinary()} say which one ran. The process is stopped by {@link #close()} and, as a safety net, by a
 * JVM shutdown hook.
 */
public final class RedisServer implements LaunchedServer {

    private static final int START_ATTEMPTS = 3;

    private final Duration startTimeout;
    private final Path explicitBinary;
    private Process process;
    private Thread shutdownHook;
    private Path binary;
    private boolean embedded;
    private Path log;
    private int port;
    private long startMillis = -1;

    /** The system redis-server (or the embedded fallback), ready within 30 s. */
    public RedisServer() {
        this(null, Duration.ofSeconds(30));
    }

    /** @param binary a redis-server executable to run, or null to look on PATH then fall back to embedded-redis */
    public RedisServer(Path binary, Duration startTimeout) {
        this.explicitBinary = binary;
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }

    /** The first executable {@code redis-server} on PATH, if any. */
    public static Optional<Path> systemBinary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Path resolveBinary(Path explicit) {
        if (explicit != null) {
            if (!Files.isExecutable(explicit)) {
                throw new ConfigException("redis-server binary " + explicit + " does not exist or is not executable");
            }
            return explicit;
        }
        Optional<Path> system = systemBinary();
        if (system.isPresent()) {
            return system.get();
        }
        try {
            File file = ExecutableProvider.newJarResourceProvider().get();
            if (!file.canExecute() && !file.setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            embedded = true;
            return file.toPath();
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new ConfigException("No redis-server available: install the system binary so that "
                    + "'redis-server' is on PATH (Debian/Ubuntu: apt-get install redis-server), or put "
                    + "com.github.codemonstur:embedded-redis 1.4.4 on the classpath for its bundled binary "
                    + "(it failed here: " + e + ")", e);
        }
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("redis-server already started on port " + port);
        }
        long t0 = System.nanoTime();
        binary = resolveBinary(explicitBinary);
        FameException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                launch(Ports.freeLoopbackPort());
                startMillis = (System.nanoTime() - t0) / 1_000_000;
                return;
            } catch (FameException e) {
                last = e; // most likely the free port was taken in between: try another one
                stopProcess();
            }
        }
        throw last;
    }

    private void launch(int candidatePort) {
        try {
            log = Files.createTempFile("fame-redis-" + candidatePort + "-", ".log");
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--bind", Ports.LOOPBACK, "--port", Integer.toString(candidatePort),
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new FameException("Cannot launch " + binary + " on 127.0.0.1:" + candidatePort + ": " + e.getMessage(), e);
        }
        port = candidatePort;
        Process p = process;
        shutdownHook = new Thread(p::destroyForcibly, "fame-redis-server-" + candidatePort + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Ports.await("redis-server on 127.0.0.1:" + candidatePort, startTimeout, () -> {
            if (!p.isAlive()) {
                throw new FameException("redis-server exited with code " + p.exitValue() + " on 127.0.0.1:"
                        + candidatePort + "; its log: " + tail(log));
            }
            return ping(candidatePort);
        });
    }

    private static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[7];
            int n = in.readNBytes(buffer, 0, 7);
            return new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The executable that was started. */
    public Path binary() {
        requireStarted();
        return binary;
    }

    /** True when the binary came from embedded-redis rather than the system. */
    public boolean isEmbeddedBinary() {
        requireStarted();
        return embedded;
    }

    @Override
    public URI endpoint() {
        requireStarted();
        return URI.create("redis://" + Ports.LOOPBACK + ":" + port);
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
        return process != null && process.isAlive();
    }

    private void requireStarted() {
        if (startMillis < 0) {
            throw new IllegalStateException("redis-server is not started: call start() first");
        }
    }

    @Override
    public synchronized void close() {
        stopProcess();
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
        if (log != null) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a leftover log in the temp folder is harmless
            }
        }
    }

    @Override
    public String toString() {
        return "RedisServer[" + (startMillis < 0 ? "not started" : endpoint() + " " + binary) + "]";
    }
}
