package dev.fameharness.scenario.logs.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Drain, the online log parser of He et al., "Drain: An Online Log Parsing Approach with Fixed Depth Tree"
 * (ICWS 2017), as implemented in logpai/logparser ({@code logparser/Drain/Drain.py}, the code behind the
 * Loghub benchmark figures). Each message is masked with the system's regular expressions (matches become
 * {@code <*>}), split on whitespace, and routed through a fixed-depth prefix tree: first by its token count,
 * then by its leading tokens (a token containing a digit goes to the wildcard child; a node holds at most
 * {@code maxChild} children). In the leaf it joins the most similar cluster when the share of equal tokens
 * reaches the similarity threshold {@code st} (ties go to the template with more wildcards), updating the
 * template (differing positions become {@code <*>}); otherwise it starts a new cluster. Not thread-safe.
 */
public final class Drain {

    public static final String WILDCARD = "<*>";

    /** The parser settings: masking expressions, tree depth (as in logparser, leaf depth counted with the root and the length layer) and similarity threshold. */
    public record Settings(List<String> masks, int depth, double st, int maxChild) {
        public Settings {
            masks = List.copyOf(masks);
            if (depth < 3) {
                throw new IllegalArgumentException("depth must be >= 3, was " + depth);
            }
            if (!(st >= 0 && st <= 1)) {
                throw new IllegalArgumentException("st must be in [0, 1], was " + st);
            }
        }

        public Settings(List<String> masks, int depth, double st) {
            this(masks, depth, st, 100);
        }
    }

    /** A log group: its current template tokens and the ids of the messages in it. */
    public static final class Cluster {
        private List<String> template;
        private final List<Integer> ids = new ArrayList<>();

        Cluster(List<String> template) {
            this.template = template;
        }

        public String template() {
            return String.join(" ", template);
        }

        public List<Integer> ids() {
            return List.copyOf(ids);
        }
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<Cluster> clusters = new ArrayList<>();
    }

    private final Settings settings;
    private final List<Pattern> masks;
    private final int innerDepth;
    private final Map<Integer, Node> byLength = new LinkedHashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();

    public Drain(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.masks = settings.masks().stream().map(Pattern::compile).toList();
        this.innerDepth = settings.depth() - 2;
    }

    /** Adds one message (with its id) and returns the cluster it joined or started. */
    public Cluster add(int id, String content) {
        List<String> tokens = tokens(content);
        Cluster match = search(tokens);
        if (match == null) {
            match = new Cluster(tokens);
            clusters.add(match);
            insert(match);
        } else {
            match.template = merge(tokens, match.template);
        }
        match.ids.add(id);
        return match;
    }

    /** Every cluster in creation order. */
    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    List<String> tokens(String content) {
        String masked = content;
        for (Pattern p : masks) {
            masked = p.matcher(masked).replaceAll(WILDCARD);
        }
        String s = masked.strip();
        return s.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(s.split("\\s+")));
    }

    private Cluster search(List<String> seq) {
        Node parent = byLength.get(seq.size());
        if (parent == null) {
            return null;
        }
        int depth = 1;
        for (String token : seq) {
            if (depth >= innerDepth || depth > seq.size()) {
                break;
            }
            Node next = parent.children.get(token);
            if (next == null) {
                next = parent.children.get(WILDCARD);
            }
            if (next == null) {
                return null;
            }
            parent = next;
            depth++;
        }
        return fastMatch(parent.clusters, seq);
    }

    private void insert(Cluster cluster) {
        List<String> seq = cluster.template;
        Node parent = byLength.computeIfAbsent(seq.size(), k -> new Node());
        int depth = 1;
        for (String token : seq) {
            if (depth >= innerDepth || depth > seq.size()) {
                parent.clusters.add(cluster);
                break;
            }
            Node next = parent.children.get(token);
            if (next == null) {
                if (!hasDigit(token)) {
                    if (parent.children.containsKey(WILDCARD)) {
                        if (parent.children.size() < settings.maxChild()) {
                            next = new Node();
                            parent.children.put(token, next);
                        } else {
                            next = parent.children.get(WILDCARD);
                        }
                    } else if (parent.children.size() + 1 < settings.maxChild()) {
                        next = new Node();
                        parent.children.put(token, next);
                    } else if (parent.children.size() + 1 == settings.maxChild()) {
                        next = new Node();
                        parent.children.put(WILDCARD, next);
                    } else {
                        next = parent.children.get(WILDCARD);
                    }
                } else {
                    next = parent.children.computeIfAbsent(WILDCARD, k -> new Node());
                }
            }
            parent = next;
            depth++;
        }
    }

    private Cluster fastMatch(List<Cluster> candidates, List<String> seq) {
        Cluster best = null;
        double maxSim = -1;
        int maxParams = -1;
        for (Cluster c : candidates) {
            int same = 0;
            int params = 0;
            for (int i = 0; i < c.template.size(); i++) {
                String t = c.template.get(i);
                if (WILDCARD.equals(t)) {
                    params++;
                } else if (t.equals(seq.get(i))) {
                    same++;
                }
            }
            double sim = c.template.isEmpty() ? 0 : (double) same / c.template.size();
            if (sim > maxSim || (sim == maxSim && params > maxParams)) {
                maxSim = sim;
                maxParams = params;
                best = c;
            }
        }
        return maxSim >= settings.st() ? best : null;
    }

    private static List<String> merge(List<String> seq, List<String> template) {
        List<String> out = new ArrayList<>(template.size());
        for (int i = 0; i < template.size(); i++) {
            out.add(seq.get(i).equals(template.get(i)) ? seq.get(i) : WILDCARD);
        }
        return out;
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }
}
