package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.RawStory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryIdsTest {

    @Test
    void theSourceIdWinsWhenPresent() {
        assertThat(StoryIds.id(" urn:x:1 ", "wire", "Headline", List.of("Body."))).isEqualTo("urn:x:1");
    }

    @Test
    void withoutSourceIdTheIdHashesSourceHeadlineAndBody() {
        String id = StoryIds.id(null, "wire", "Headline", List.of("Body one.", "Body two."));

        assertThat(id).startsWith("sha256:").hasSize(71)
                .isEqualTo(StoryIds.id("", "wire", "  headline ", List.of("BODY   one.", "body two.")))
                .isNotEqualTo(StoryIds.id(null, "other-wire", "Headline", List.of("Body one.", "Body two.")))
                .isNotEqualTo(StoryIds.id(null, "wire", "Headline", List.of("Body one.")));
    }

    @Test
    void theContentHashIgnoresSourceButNotText() {
        assertThat(StoryIds.contentHash("H", List.of("a")))
                .isEqualTo(StoryIds.contentHash(" h ", List.of("A")))
                .isNotEqualTo(StoryIds.contentHash("H", List.of("a", "b")));
    }

    @Test
    void theSameInputGivesTheSameStoryOnEveryRunExceptReceiveTime() throws Exception {
        byte[] input = Fixtures.sample("wire-text-plain.txt");
        SourceMeta later = new SourceMeta("test-source", "elsewhere/wire-text-plain.txt", null, null,
                Instant.parse("2030-01-01T00:00:00Z"), "other-instance", "9.9");

        RawStory first = WireTextParserTest.single(new WireTextParser().parse(input, Fixtures.meta("a.txt")));
        RawStory replay = WireTextParserTest.single(new WireTextParser().parse(input, later));

        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getContentHash()).isEqualTo(first.getContentHash());
        assertThat(replay.getParagraphs()).isEqualTo(first.getParagraphs());
    }

    @Test
    void windowsLineEndingsAndExtraBlankLinesKeepTheId() throws Exception {
        String unix = "Headline: A\n\nFirst paragraph.\n\nSecond paragraph.\n";
        String windows = "Headline: A\r\n\r\nFirst paragraph.\r\n\r\n\r\n\r\nSecond paragraph.\r\n";

        RawStory a = WireTextParserTest.single(new WireTextParser().parse(unix.getBytes(StandardCharsets.UTF_8),
                Fixtures.meta("a.txt")));
        RawStory b = WireTextParserTest.single(new WireTextParser().parse(windows.getBytes(StandardCharsets.UTF_8),
                Fixtures.meta("b.txt")));

        assertThat(b.getId()).isEqualTo(a.getId());
    }
}
