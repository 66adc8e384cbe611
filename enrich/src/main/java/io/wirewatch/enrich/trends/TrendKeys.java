package io.wirewatch.enrich.trends;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The keys of news.trends: {@code <window start>|<topic>|<parties joined by +>}. */
public final class TrendKeys {

    public static final String SEPARATOR = "|";

    private static final Duration DAY = Duration.ofDays(1);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TrendKeys() {
    }

    /** Sorted alpha-2 codes joined by '+', e.g. {@code IL+IN}. */
    public static String parties(List<String> parties) {
        return String.join("+", parties.stream().sorted().toList());
    }

    /**
     * The window start as the key shows it: the UTC date ({@code 2024-03-05}) for day windows, else the instant
     * ({@code 2024-03-05T06:00:00Z}) so that shorter windows of one day keep apart.
     */
    public static String windowStart(Instant start, Duration windowSize) {
        return windowSize.equals(DAY) ? DATE.format(start) : start.toString();
    }

    /** {@code <window start>|<topic>|<A+B>} from the grouping key {@code <topic>|<A+B>}. */
    public static String key(Instant windowStart, Duration windowSize, String topicAndParties) {
        return windowStart(windowStart, windowSize) + SEPARATOR + topicAndParties;
    }
}
