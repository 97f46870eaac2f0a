package dev.fameharness.scenario.logs.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a Loghub-style log folder: {@value #MANIFEST} lists each system with its line format and the path,
 * size and SHA-256 of its raw log, structured CSV and template list (see {@code ../shared/loghub/README.md});
 * every listed file is verified before use. A system not in the manifest is added by a sub-folder holding
 * {@value #FORMAT_FILE} (its line format) and one {@code *.log} file; it has no checksum to verify and no
 * ground truth. Lines that do not match their format are kept as unparsed lines and counted.
 */
public final class LogCorpusLoader {

    public static final String MANIFEST = "manifest.json";
    public static final String FORMAT_FILE = "format.txt";
    public static final String ENV_VARIABLE = "FAME_LOGS";
    public static final String SYSTEM_PROPERTY = "fame.logs";
    static final String HOW_TO_POINT_ELSEWHERE = "name another folder with --corpus <folder> or the environment "
            + "variable " + ENV_VARIABLE + " (or -D" + SYSTEM_PROPERTY + "=<folder>)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogCorpusLoader() {
    }

    /** The folder from {@value #ENV_VARIABLE}, {@code -D}{@value #SYSTEM_PROPERTY} or the nearest {@code shared/loghub}. */
    public static LogCorpus loadDefault() {
        return load(locate(System.getenv(), System.getProperty(SYSTEM_PROPERTY), Path.of("")));
    }

    static Path locate(Map<String, String> env, String property, Path workingDirectory) {
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip()).toAbsolutePath().normalize();
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip()).toAbsolutePath().normalize();
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolveSibling("shared").resolve("loghub"),
                    dir.resolve("shared").resolve("loghub")}) {
                if (candidate != null && Files.isRegularFile(candidate.resolve(MANIFEST))) {
                    return candidate;
                }
            }
        }
        throw new LogCorpusException(start, "No log folder found: " + ENV_VARIABLE + " and -D" + SYSTEM_PROPERTY
                + " are not set and no shared/loghub/" + MANIFEST + " exists beside or above " + start + "; "
                + HOW_TO_POINT_ELSEWHERE);
    }

    public static LogCorpus load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LogCorpusException(folder, "Log folder " + folder + " does not exist or is not a folder; "
                    + HOW_TO_POINT_ELSEWHERE);
        }
        Path manifest = folder.resolve(MANIFEST);
        List<LogSystem> systems = new ArrayList<>();
        List<String> listedFolders = new ArrayList<>();
        if (Files.isRegularFile(manifest)) {
            JsonNode root;
            try {
                root = JSON.readTree(manifest.toFile());
            } catch (IOException e) {
                throw new LogCorpusException(manifest, manifest + " is not valid JSON: " + e.getMessage()
                        + "; restore it from the log source", e);
            }
            if (root == null || !root.isArray()) {
                throw new LogCorpusException(manifest, manifest + " must be a JSON array of {\"system\", "
                        + "\"log_format\", \"files\": {\"log\": {\"path\", \"sha256\"}, ...}} objects");
            }
            for (int i = 0; i < root.size(); i++) {
                JsonNode entry = root.get(i);
                String name = text(entry, "system", manifest, i);
                String format = text(entry, "log_format", manifest, i);
                JsonNode files = entry.path("files");
                Path log = verified(folder, manifest, name, files.path("log"), "log");
                listedFolders.add(folder.relativize(log.getParent()).toString());
                Optional<GroundTruth> truth = Optional.empty();
                if (files.has("structured")) {
                    Path structured = verified(folder, manifest, name, files.path("structured"), "structured");
                    Map<String, String> templates = Map.of();
                    if (files.has("templates")) {
                        templates = templates(verified(folder, manifest, name, files.path("templates"), "templates"));
                    }
                    truth = Optional.of(new GroundTruth(rows(structured), templates));
                }
                systems.add(build(name, entry.path("description").asText(""), compile(format, manifest,
                        "entry " + i + " (" + name + ") field log_format"), read(log), truth));
            }
        }
        try (var dirs = Files.list(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path formatFile = dir.resolve(FORMAT_FILE);
                if (listedFolders.contains(dir.getFileName().toString()) || !Files.isRegularFile(formatFile)) {
                    continue;
                }
                List<Path> logs;
                try (var files = Files.list(dir)) {
                    logs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
                }
                if (logs.size() != 1) {
                    throw new LogCorpusException(dir, dir + " has " + FORMAT_FILE + " but " + logs.size()
                            + " *.log files; a system folder holds exactly one raw log");
                }
                String format = Files.readString(formatFile, StandardCharsets.UTF_8).strip();
                systems.add(build(dir.getFileName().toString(), "", compile(format, formatFile, "format"),
                        new String(Files.readAllBytes(logs.get(0)), StandardCharsets.UTF_8), Optional.empty()));
            }
        } catch (IOException e) {
            throw new LogCorpusException(folder, "cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (systems.isEmpty()) {
            throw new LogCorpusException(folder, "Log folder " + folder + " holds no system: no " + MANIFEST
                    + " and no sub-folder with " + FORMAT_FILE + " and a *.log file");
        }
        systems.sort(Comparator.comparing(LogSystem::name));
        return new LogCorpus(folder, systems);
    }

    /** Splits a raw log into lines and parses each with the format; the time layout is the first line's. */
    public static LogSystem build(String name, String description, LogFormat format, String raw,
                                  Optional<GroundTruth> truth) {
        List<String> rawLines = raw.lines().toList();
        Optional<LogTimes.Layout> layout = Optional.empty();
        List<Map<String, String>> parsed = new ArrayList<>();
        for (String line : rawLines) {
            Map<String, String> fields = format.parse(line).orElse(Map.of());
            parsed.add(fields);
            if (layout.isEmpty() && !fields.isEmpty()) {
                layout = LogTimes.detect(fields);
            }
        }
        List<LogLine> lines = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            Map<String, String> fields = parsed.get(i);
            Optional<java.time.LocalDateTime> time = layout.isPresent() && !fields.isEmpty()
                    ? layout.get().read(fields) : Optional.empty();
            lines.add(new LogLine(i + 1, rawLines.get(i), fields, time));
        }
        return new LogSystem(name, description, format, layout, raw, lines, truth);
    }

    private static LogFormat compile(String format, Path file, String where) {
        try {
            return LogFormat.compile(format);
        } catch (IllegalArgumentException e) {
            throw new LogCorpusException(file, file + " " + where + ": format '" + format + "' is malformed: "
                    + e.getMessage());
        }
    }

    private static Path verified(Path folder, Path manifest, String system, JsonNode file, String kind) {
        String rel = file.path("path").asText("");
        String sha = file.path("sha256").asText("").toLowerCase(Locale.ROOT);
        if (rel.isEmpty() || !sha.matches("[0-9a-f]{64}")) {
            throw new LogCorpusException(manifest, manifest + " system " + system + ": files." + kind
                    + " needs \"path\" and a 64-hex-digit \"sha256\"");
        }
        Path path = folder.resolve(rel).normalize();
        if (!path.startsWith(folder.normalize())) {
            throw new LogCorpusException(manifest, manifest + " system " + system + ": files." + kind
                    + ".path '" + rel + "' leaves the log folder");
        }
        if (!Files.isRegularFile(path)) {
            throw new LogCorpusException(path, "Log file " + path + " listed in " + manifest + " (system " + system
                    + ") is missing; restore it from the log source, or " + HOW_TO_POINT_ELSEWHERE);
        }
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new LogCorpusException(path, "cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        if (!actual.equals(sha)) {
            throw new LogCorpusException(path, "Checksum mismatch for " + path + ": expected SHA-256 " + sha + " ("
                    + MANIFEST + "), actual " + actual + "; the file was modified or corrupted; restore it");
        }
        return path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogCorpusException(file, "cannot read " + file + " as UTF-8: " + e.getMessage(), e);
        }
    }

    private static List<GroundTruth.Row> rows(Path csv) {
        List<GroundTruth.Row> rows = new ArrayList<>();
        try (Reader in = new StringReader(read(csv));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String needed : List.of("LineId", "EventId", "EventTemplate")) {
                if (!header.contains(needed)) {
                    throw new LogCorpusException(csv, csv + " has no column '" + needed + "'; columns: " + header);
                }
            }
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    throw new LogCorpusException(csv, csv + " line " + (r.getRecordNumber() + 1) + ": " + r.size()
                            + " fields where the header has " + header.size());
                }
                Map<String, String> cols = new LinkedHashMap<>();
                for (String h : header) {
                    cols.put(h, r.get(h));
                }
                int id;
                try {
                    id = Integer.parseInt(r.get("LineId"));
                } catch (NumberFormatException e) {
                    throw new LogCorpusException(csv, csv + " record " + r.getRecordNumber() + ": LineId '"
                            + r.get("LineId") + "' is not a whole number");
                }
                rows.add(new GroundTruth.Row(id, cols));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LogCorpusException(csv, csv + " is not valid CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Map<String, String> templates(Path csv) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader in = new StringReader(read(csv));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : parser) {
                out.put(r.get("EventId"), r.get("EventTemplate"));
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new LogCorpusException(csv, csv + " is not a valid EventId,EventTemplate CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static String text(JsonNode entry, String field, Path manifest, int i) {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new LogCorpusException(manifest, manifest + " entry " + i + ": needs a \"" + field + "\" string");
        }
        return v.asText();
    }
}
