package io.wirewatch.ingest.publish;

import java.util.List;

/**
 * What a committed transaction holds.
 *
 * @param storyIds ids of the stories written to news.raw, in order
 * @param deadLetterReasons reason codes of the dead letters written, in order
 */
public record Receipt(List<String> storyIds, List<String> deadLetterReasons) {

    public Receipt {
        storyIds = List.copyOf(storyIds);
        deadLetterReasons = List.copyOf(deadLetterReasons);
    }
}
