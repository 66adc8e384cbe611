package io.wirewatch.sink;

import java.util.Map;

/**
 * What a running sink service did since it started, for the local mode ("wait until every story reached the sink")
 * and for tests.
 *
 * @param received records read from the enriched topic (valid or not)
 * @param deadLettered dead letters the broker acknowledged
 * @param stored per sink, stories made durable (archive: in finished files; postgres: in committed transactions)
 */
public record SinkStats(long received, long deadLettered, Map<String, Long> stored) {

    public SinkStats {
        stored = Map.copyOf(stored);
    }

    /** The fewest stories any enabled sink made durable: how many reached every sink, at least. */
    public long storedInEverySink() {
        return stored.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }
}
