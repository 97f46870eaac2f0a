package dev.fameharness.scenario.logs.corpus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a line's time from its header fields. Systems write time in many ways; this knows a list of
 * layouts (which header fields hold the time and how they are written) and uses, for a whole log, the first
 * layout that reads the log's first parsed line (HealthApp writes unpadded hours, minutes, seconds and
 * milliseconds: {@code 20171223-2:15:35:11} is 11 ms). Logs that omit the year (syslog style) are read in year
 * {@value #DEFAULT_YEAR} (an assumption: the question windows then carry that year too). Epoch seconds are UTC.
 */
public final class LogTimes {

    public static final int DEFAULT_YEAR = 2000;

    /** One way of writing time: fields joined by a space, read with a formatter (or epoch seconds). */
    public record Layout(String name, List<String> fields, DateTimeFormatter formatter) {

        public Optional<LocalDateTime> read(Map<String, String> header) {
            StringBuilder sb = new StringBuilder();
            for (String f : fields) {
                String v = header.get(f);
                if (v == null || v.isBlank()) {
                    return Optional.empty();
                }
                sb.append(sb.length() == 0 ? "" : " ").append(v.strip());
            }
            String text = sb.toString();
            try {
                if (formatter == null) {
                    if (!text.matches("\\d{9,10}")) {
                        return Optional.empty();
                    }
                    return Optional.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(text)), ZoneOffset.UTC));
                }
                return Optional.of(LocalDateTime.parse(text, formatter));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static DateTimeFormatter f(String pattern, boolean defaultYear) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
        if (defaultYear) {
            b.parseDefaulting(ChronoField.YEAR, DEFAULT_YEAR);
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    /** The layouts tried, in order. */
    public static final List<Layout> LAYOUTS = List.of(
            new Layout("date time,ms", List.of("Date", "Time"), f("yyyy-MM-dd HH:mm:ss,SSS", false)),
            new Layout("date time.ms", List.of("Date", "Time"), f("yyyy-MM-dd HH:mm:ss.SSS", false)),
            new Layout("yymmdd hhmmss", List.of("Date", "Time"), f("yyMMdd HHmmss", false)),
            new Layout("mm-dd time.ms", List.of("Date", "Time"), f("MM-dd HH:mm:ss.SSS", true)),
            new Layout("bgl time", List.of("Time"), f("yyyy-MM-dd-HH.mm.ss.SSSSSS", false)),
            new Layout("apache", List.of("Time"), f("EEE MMM dd HH:mm:ss yyyy", false)),
            new Layout("compact", List.of("Time"), new DateTimeFormatterBuilder().appendPattern("yyyyMMdd-H:m:s:")
                    .appendValue(ChronoField.MILLI_OF_SECOND, 1, 3, java.time.format.SignStyle.NOT_NEGATIVE)
                    .toFormatter(Locale.ENGLISH)),
            new Layout("mm.dd time", List.of("Time"), f("MM.dd HH:mm:ss", true)),
            new Layout("syslog month date", List.of("Month", "Date", "Time"), f("MMM d HH:mm:ss", true)),
            new Layout("syslog date day", List.of("Date", "Day", "Time"), f("MMM d HH:mm:ss", true)),
            new Layout("epoch seconds", List.of("Time"), null),
            new Layout("epoch timestamp", List.of("Timestamp"), null));

    private LogTimes() {
    }

    /** The first layout that reads this header, if any. */
    public static Optional<Layout> detect(Map<String, String> header) {
        return LAYOUTS.stream().filter(l -> l.read(header).isPresent()).findFirst();
    }

    /** The layout with this name. */
    public static Optional<Layout> named(String name) {
        return LAYOUTS.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** How times are written in questions and answers: {@code yyyy-MM-dd HH:mm:ss}. */
    public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
}
