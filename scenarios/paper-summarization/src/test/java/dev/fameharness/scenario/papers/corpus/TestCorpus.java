package dev.fameharness.scenario.papers.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Builds small corpus folders in a temp dir from copies of shared corpus files (never committed). */
final class TestCorpus {

    static final String PLOS = "plos/journal.pbio.0020334.xml";
    static final String ELIFE = "elife/elife00005.xml";

    private static Corpus shared;

    private TestCorpus() {
    }

    /** The shared corpus, loaded once per test JVM. */
    static synchronized Corpus shared() {
        if (shared == null) {
            shared = JatsCorpusLoader.loadDefault();
        }
        return shared;
    }

    /** Copies the named shared corpus files into {@code dir} and writes a manifest with their true checksums. */
    static Path copyOf(Path dir, List<String> files) throws IOException {
        Path source = CorpusLocator.locate();
        StringBuilder manifest = new StringBuilder("[\n");
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve(file), target);
            manifest.append(i == 0 ? "" : ",\n").append(entry(file, sha256(Files.readAllBytes(target))));
        }
        Files.writeString(dir.resolve("manifest.json"), manifest.append("\n]\n"), StandardCharsets.UTF_8);
        return dir;
    }

    static String entry(String file, String sha256) {
        return "{\"file\": \"" + file + "\", \"doi\": \"10.0/test\", \"license\": \"CC-BY\", \"body_words\": 1, "
                + "\"sha256\": \"" + sha256 + "\"}";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
