package dev.fameharness.scenario.papers.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads a corpus folder of JATS XML articles: reads {@value #MANIFEST}, checks every listed file's SHA-256
 * (streamed while the file is parsed) and parses it into a {@link Paper}. Any problem is a
 * {@link CorpusException} naming the path and what to do; nothing is silently skipped.
 *
 * <p>The manifest is a JSON array of {@code {"file", "doi", "license", "body_words", "sha256"}} objects,
 * {@code file} relative to the folder (see {@code ../shared/corpus/README.md}).
 */
public final class JatsCorpusLoader {

    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;

    private JatsCorpusLoader() {
    }

    /** Loads the corpus from the folder {@link CorpusLocator#locate()} finds. */
    public static Corpus loadDefault() {
        return load(CorpusLocator.locate());
    }

    /** Loads and verifies every paper the folder's manifest lists, in manifest order. */
    public static Corpus load(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CorpusException(dir, "Corpus folder " + dir + " does not exist or is not a directory; "
                    + CorpusLocator.HOW_TO_POINT_ELSEWHERE);
        }
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new CorpusException(manifest, "Corpus folder " + dir + " has no " + MANIFEST + " (expected "
                    + manifest + ", a JSON array listing each article's file and sha256); restore it, or "
                    + CorpusLocator.HOW_TO_POINT_ELSEWHERE);
        }
        List<Entry> entries = readManifest(manifest);
        JatsParser parser = new JatsParser();
        List<Paper> papers = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            papers.add(loadOne(dir, manifest, entry, parser));
        }
        return new Corpus(dir, papers);
    }

    private record Entry(String file, String doi, String licence, String sha256) {
    }

    private static List<Entry> readManifest(Path manifest) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CorpusException(manifest, manifest + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + "; restore it from the corpus source", e);
        } catch (IOException e) {
            throw new CorpusException(manifest, "Cannot read " + manifest + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new CorpusException(manifest, manifest + " must be a non-empty JSON array of {\"file\", \"doi\", "
                    + "\"license\", \"sha256\"} objects; restore it from the corpus source");
        }
        List<Entry> entries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String file = text(node, "file", manifest, i);
            String sha = text(node, "sha256", manifest, i).toLowerCase(java.util.Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new CorpusException(manifest, manifest + " entry " + i + " (" + file + "): sha256 '" + sha
                        + "' is not 64 hexadecimal digits");
            }
            String doi = node.path("doi").asText("");
            String licence = node.path("license").asText("unknown licence (see the article's <front>)");
            entries.add(new Entry(file, doi, licence, sha));
        }
        return entries;
    }

    private static String text(JsonNode node, String field, Path manifest, int index) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new CorpusException(manifest, manifest + " entry " + index + " has no \"" + field
                    + "\" string; every entry needs \"file\" and \"sha256\"");
        }
        return value.asText();
    }

    private static Paper loadOne(Path dir, Path manifest, Entry entry, JatsParser parser) {
        Path file = dir.resolve(entry.file()).normalize();
        if (!file.startsWith(dir)) {
            throw new CorpusException(manifest, manifest + " lists '" + entry.file() + "', which is outside "
                    + dir + "; manifest paths are relative to the corpus folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file, file + " is listed in " + manifest + " but absent; restore the file "
                    + "(scripts/fetch-corpus.sh downloads the corpus) or " + CorpusLocator.HOW_TO_POINT_ELSEWHERE);
        }
        String name = file.getFileName().toString();
        String id = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        MessageDigest sha256 = sha256();
        try (InputStream raw = Files.newInputStream(file);
             DigestInputStream in = new DigestInputStream(raw, sha256)) {
            Paper paper;
            try {
                paper = parser.parse(id, entry.licence(), entry.doi(), new NonClosing(in));
            } catch (SAXException e) {
                drain(in);
                verify(file, entry, sha256); // a corrupted file is reported as corrupted, not as malformed
                throw malformed(file, e);
            }
            drain(in);
            verify(file, entry, sha256);
            return paper;
        } catch (IOException e) {
            throw new CorpusException(file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static CorpusException malformed(Path file, SAXException e) {
        String where = e instanceof SAXParseException p
                ? " at line " + p.getLineNumber() + ", column " + p.getColumnNumber() : "";
        return new CorpusException(file, file + " is not a usable JATS article" + where + ": " + e.getMessage()
                + "; its checksum matches the manifest, so the manifest itself lists a bad file: restore both "
                + "from the corpus source", e);
    }

    private static void verify(Path file, Entry entry, MessageDigest sha256) {
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(entry.sha256())) {
            throw new CorpusException(file, "Checksum mismatch for " + file + ": expected SHA-256 " + entry.sha256()
                    + " (" + MANIFEST + "), actual " + actual + "; the file was modified or corrupted; restore it "
                    + "(scripts/fetch-corpus.sh downloads the corpus again)");
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (in.read(buffer) >= 0) {
            // reading feeds the digest
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Keeps the parser from closing the stream before the rest of the file has been hashed. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the loader closes the file
        }
    }
}
