package dev.fameharness.scenario.logs.corpus;

import java.util.List;
import java.util.Map;

/**
 * A system's ground truth from Loghub's structured CSV: per raw line (by {@code LineId}) the header fields
 * as the benchmark split them and the event ({@code EventId}, {@code EventTemplate}) the line came from.
 *
 * @param rows      one per line in {@code LineId} order
 * @param templates {@code EventId} to {@code EventTemplate} from the templates file
 */
public record GroundTruth(List<Row> rows, Map<String, String> templates) {

    /** One structured row: every column by name. */
    public record Row(int lineId, Map<String, String> columns) {
        public String eventId() {
            return columns.getOrDefault("EventId", "");
        }

        public String template() {
            return columns.getOrDefault("EventTemplate", "");
        }

        public String column(String name) {
            return columns.getOrDefault(name, "");
        }
    }

    public GroundTruth {
        rows = List.copyOf(rows);
        templates = Map.copyOf(templates);
    }
}
