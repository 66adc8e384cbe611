package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesParserTest {

    private final JsonLinesParser parser = new JsonLinesParser();

    @Test
    void everyLineIsAStoryWithItsLineInTheProvenance() throws Exception {
        Parsed parsed = parser.parse(Fixtures.sample("archive.jsonl"), Fixtures.meta("archive.jsonl"));

        assertThat(parsed.failures()).isEmpty();
        assertThat(parsed.stories()).extracting(RawStory::getId).containsExactly("urn:wirewatch:sample:archive-0001",
                "urn:wirewatch:sample:archive-0002", "urn:wirewatch:sample:archive-0003");
        RawStory first = parsed.stories().get(0);
        assertThat(first.getFormat()).isEqualTo(StoryFormat.JSONL);
        assertThat(first.getHeadline()).isEqualTo("Brazil and Sweden start building fighter jets together");
        assertThat(first.getParagraphs()).hasSize(2);
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2019-03-11T00:00:00Z"));
        assertThat(parsed.stories()).extracting(s -> s.getProvenance().getLocation())
                .containsExactly("archive.jsonl:1", "archive.jsonl:2", "archive.jsonl:3");
    }

    @Test
    void aBadLineIsAFailureWithItsLineAndTheOtherLinesGoThrough() throws Exception {
        String input = "{\"uri\":\"a\",\"headline\":\"A\"}\n"
                + "\n"
                + "{\"uri\":\"b\",\"headline\":\n"
                + "[1,2]\n"
                + "{\"uri\":\"c\",\"headline\":\"C\"}\n";

        Parsed parsed = parser.parse(input.getBytes(StandardCharsets.UTF_8), Fixtures.meta("dump.jsonl"));

        assertThat(parsed.stories()).extracting(RawStory::getId).containsExactly("a", "c");
        assertThat(parsed.failures()).extracting(ParseException::line).containsExactly(3L, 4L);
        assertThat(parsed.failures()).allSatisfy(f -> {
            assertThat(f.reason()).isEqualTo(ParseException.Reason.MALFORMED_JSON);
            assertThat(f.getMessage()).startsWith("dump.jsonl:" + f.line() + ": ");
        });
    }

    @Test
    void sharedDevCorpusReadsAsSeventeenStoriesWithTitlesAsHeadlines() throws Exception {
        byte[] input = Fixtures.read(Fixtures.shared("eval/dev.jsonl"));

        Parsed parsed = parser.parse(input, Fixtures.meta("dev.jsonl"));

        assertThat(parsed.failures()).isEmpty();
        assertThat(parsed.stories()).hasSize(17);
        assertThat(parsed.stories()).extracting(RawStory::getId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("dev-"));
        assertThat(parsed.stories()).allSatisfy(s -> assertThat(s.getParagraphs()).isNotEmpty());
    }
}
