package dev.fameharness.scenario.logs.parser;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grouping accuracy, the metric of the log-parsing benchmarks (Zhu et al., ICSE-SEIP 2019; logpai/logparser
 * {@code utils/evaluator.py}): a parsed group is correct when its messages are exactly the messages of one
 * ground-truth event; accuracy is the share of messages in correct groups.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {
    }

    /**
     * @param parsed the parsed group of each message (e.g. its template)
     * @param truth  the ground-truth event of each message, same order and size
     */
    public static double of(List<String> parsed, List<String> truth) {
        if (parsed.size() != truth.size()) {
            throw new IllegalArgumentException("parsed has " + parsed.size() + " messages, truth " + truth.size());
        }
        if (truth.isEmpty()) {
            return 0;
        }
        Map<String, Integer> truthSizes = new HashMap<>();
        truth.forEach(t -> truthSizes.merge(t, 1, Integer::sum));
        Map<String, Set<String>> truthOfGroup = new HashMap<>();
        Map<String, Integer> groupSizes = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            truthOfGroup.computeIfAbsent(parsed.get(i), k -> new HashSet<>()).add(truth.get(i));
            groupSizes.merge(parsed.get(i), 1, Integer::sum);
        }
        long correct = 0;
        for (var e : truthOfGroup.entrySet()) {
            if (e.getValue().size() == 1) {
                String event = e.getValue().iterator().next();
                int size = groupSizes.get(e.getKey());
                if (size == truthSizes.get(event)) {
                    correct += size;
                }
            }
        }
        return (double) correct / truth.size();
    }
}
