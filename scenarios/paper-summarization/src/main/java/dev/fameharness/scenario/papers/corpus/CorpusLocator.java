package dev.fameharness.scenario.papers.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the corpus folder when the user names none: the environment variable {@value #ENV_VARIABLE}, else the
 * system property {@value #SYSTEM_PROPERTY}, else the first {@code shared/corpus} holding a {@code manifest.json}
 * found walking up from the working directory, as {@code <ancestor>/../shared/corpus} (the repository setting:
 * {@code ../shared/corpus} from the project root) or {@code <ancestor>/shared/corpus}. Tests run with a module
 * directory as working directory, so the walk matters.
 */
public final class CorpusLocator {

    public static final String ENV_VARIABLE = "FAME_CORPUS";
    public static final String SYSTEM_PROPERTY = "fame.corpus";
    static final String HOW_TO_POINT_ELSEWHERE = "name another folder with --corpus <folder> or the environment "
            + "variable " + ENV_VARIABLE + " (or -D" + SYSTEM_PROPERTY + "=<folder>), or download the corpus with "
            + "scripts/fetch-corpus.sh";

    private CorpusLocator() {
    }

    /** The default corpus folder for this process. */
    public static Path locate() {
        return locate(System.getenv(), System.getProperties(), Path.of(""));
    }

    /** {@link #locate()} with its inputs explicit, for tests. */
    static Path locate(Map<String, String> env, Properties properties, Path workingDirectory) {
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim()).toAbsolutePath().normalize();
        }
        String fromProperty = properties.getProperty(SYSTEM_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty.trim()).toAbsolutePath().normalize();
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        return walkUp(start).orElseThrow(() -> new CorpusException(start,
                "No corpus folder found: " + ENV_VARIABLE + " and -D" + SYSTEM_PROPERTY + " are not set and no "
                        + "shared/corpus/manifest.json exists beside or above " + start + "; " + HOW_TO_POINT_ELSEWHERE));
    }

    private static Optional<Path> walkUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (parent != null) {
                Path sibling = parent.resolve("shared").resolve("corpus");
                if (Files.isRegularFile(sibling.resolve(JatsCorpusLoader.MANIFEST))) {
                    return Optional.of(sibling);
                }
            }
            Path child = dir.resolve("shared").resolve("corpus");
            if (Files.isRegularFile(child.resolve(JatsCorpusLoader.MANIFEST))) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }
}
