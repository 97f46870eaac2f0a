package dev.fameharness.scenario.papers.corpus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The loaded, checksum-verified papers, in manifest order.
 *
 * @param folder the corpus folder the papers were read from
 * @param papers papers in the order {@code manifest.json} lists them
 */
public record Corpus(Path folder, List<Paper> papers) {

    public Corpus {
        Objects.requireNonNull(folder, "folder");
        papers = List.copyOf(papers);
        Map<String, Paper> seen = new LinkedHashMap<>();
        for (Paper paper : papers) {
            if (seen.put(paper.id(), paper) != null) {
                throw new IllegalArgumentException("duplicate paper id " + paper.id() + " in " + folder);
            }
        }
    }

    /** The paper with that id (file stem), if the corpus has it. */
    public Optional<Paper> paper(String id) {
        for (Paper paper : papers) {
            if (paper.id().equals(id)) {
                return Optional.of(paper);
            }
        }
        return Optional.empty();
    }

    /** Paper ids in manifest order. */
    public List<String> ids() {
        return papers.stream().map(Paper::id).toList();
    }

    public int size() {
        return papers.size();
    }
}
