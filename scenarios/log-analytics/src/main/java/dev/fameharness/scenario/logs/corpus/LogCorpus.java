package dev.fameharness.scenario.logs.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The loaded log systems, in name order, and the folder they came from. */
public record LogCorpus(Path folder, List<LogSystem> systems) {

    public LogCorpus {
        systems = List.copyOf(systems);
    }

    public Optional<LogSystem> system(String name) {
        return systems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return systems.stream().map(LogSystem::name).toList();
    }
}
