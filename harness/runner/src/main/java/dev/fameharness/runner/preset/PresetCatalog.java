package dev.fameharness.runner.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every preset file: {@code presets/*.yaml} in every classpath entry (directories and jars), plus any
 * folder the user names. Nothing lists presets in code; adding a file adds a preset.
 */
public final class PresetCatalog {

    static final String FOLDER = "presets";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Preset> presets;

    private PresetCatalog(Map<String, Preset> presets) {
        this.presets = Collections.unmodifiableMap(presets);
    }

    /** The presets shipped on the classpath. */
    public static PresetCatalog discover() {
        return discover(List.of());
    }

    /** The classpath presets plus those in {@code extraFolders} (which may override by name). */
    public static PresetCatalog discover(List<Path> extraFolders) {
        Map<String, Preset> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = PresetCatalog.class.getClassLoader().getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (Map.Entry<String, byte[]> file : read(root).entrySet()) {
                    add(found, parse(file.getValue(), file.getKey()), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classpath's presets", e);
        }
        for (Path folder : extraFolders) {
            if (!Files.isDirectory(folder)) {
                throw new ConfigException("preset folder " + folder + " does not exist or is not a folder");
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                    add(found, parse(Files.readAllBytes(p), p.toString()), true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read presets in " + folder, e);
            }
        }
        return new PresetCatalog(found);
    }

    public List<String> names() {
        return List.copyOf(presets.keySet());
    }

    public Preset get(String name) {
        Preset p = presets.get(name);
        if (p == null) {
            throw new ConfigException("unknown preset '" + name + "'; known presets: " + String.join(", ", names()));
        }
        return p;
    }

    public List<Preset> all() {
        return List.copyOf(presets.values());
    }

    public static Preset parse(byte[] yaml, String source) {
        Object tree;
        try {
            tree = YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(source + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": a preset file must be a mapping of fields, was " + tree);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return Preset.fromFields(fields, source);
    }

    private static void add(Map<String, Preset> found, Preset preset, boolean override) {
        Preset previous = found.get(preset.name());
        if (previous != null && !override) {
            throw new ConfigException("preset '" + preset.name() + "' is defined twice: " + previous.source() + " and "
                    + preset.source());
        }
        found.put(preset.name(), preset);
    }

    private static Map<String, byte[]> read(URL root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                    files.put(FOLDER + "/" + p.getFileName() + " (" + dir + ")", Files.readAllBytes(p));
                }
            }
        } else if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
                for (JarEntry e : entries) {
                    if (e.getName().startsWith(FOLDER + "/") && e.getName().endsWith(".yaml")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            files.put(e.getName() + " (" + jar.getName() + ")", in.readAllBytes());
                        }
                    }
                }
            }
        }
        return files;
    }
}
