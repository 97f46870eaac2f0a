package dev.fameharness.runner.cloud;

import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The deployment artifact every function runs: the shaded jar {@code harness/aws} builds with
 * {@code -Plambda-package} ({@code harness/aws/target/fame-aws-<version>-lambda.jar}). Its S3 key carries the
 * first 16 hex digits of its SHA-256, so a rebuilt jar gets a new key and a stack update really replaces the
 * functions' code (CloudFormation updates a function's code only when {@code S3Key} or {@code S3Bucket} changes).
 *
 * @param file      the jar
 * @param sizeBytes its size
 * @param sha256    its SHA-256, hex
 */
public record LambdaArtifact(Path file, long sizeBytes, String sha256) {

    /** Where the build puts the jar, relative to the repository root. */
    public static final Path DEFAULT_DIR = Path.of("harness", "aws", "target");
    /** The command that builds it. */
    public static final String BUILD_COMMAND = "mvn -B -q -pl harness/aws -am package -Plambda-package -DskipTests";

    /** The key the jar is uploaded under in the artifact bucket. */
    public String key(String stack) {
        return "fame/" + stack + "/" + sha256.substring(0, 16) + "-" + file.getFileName();
    }

    /**
     * The jar named {@code explicit}, or the only {@code fame-aws-*-lambda.jar} in {@code harness/aws/target}
     * under {@code root}; a {@link ConfigException} naming the file and the build command when there is none.
     */
    public static LambdaArtifact locate(Path explicit, Path root) {
        Path file;
        if (explicit != null) {
            file = explicit;
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--artifact " + file + ": no such file; build it with `" + BUILD_COMMAND + "`");
            }
        } else {
            Path dir = root.resolve(DEFAULT_DIR);
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "fame-aws-*-lambda.jar")) {
                    ds.forEach(found::add);
                } catch (IOException e) {
                    throw new ConfigException(dir + ": cannot list: " + e.getMessage(), e);
                }
            }
            if (found.isEmpty()) {
                throw new ConfigException("deployment artifact " + dir.resolve("fame-aws-<version>-lambda.jar")
                        + " not found: build it with `" + BUILD_COMMAND + "` (or name a jar with --artifact)");
            }
            if (found.size() > 1) {
                throw new ConfigException(dir + ": several deployment artifacts " + found + "; name one with --artifact");
            }
            file = found.get(0);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
            }
            return new LambdaArtifact(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the deployment artifact: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
