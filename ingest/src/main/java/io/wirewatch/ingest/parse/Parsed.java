package io.wirewatch.ingest.parse;

import io.wirewatch.avro.RawStory;
import java.util.List;

/**
 * What a parser made of one input: the stories it read, the parts it could not read (lines of a JSON Lines file,
 * items of a feed: each becomes a dead letter while the rest go through), and warnings a person may want to see
 * (characters replaced while decoding).
 */
public record Parsed(List<RawStory> stories, List<ParseException> failures, List<String> warnings) {

    public Parsed {
        stories = List.copyOf(stories);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    public static Parsed of(List<RawStory> stories, List<String> warnings) {
        return new Parsed(stories, List.of(), warnings);
    }
}
