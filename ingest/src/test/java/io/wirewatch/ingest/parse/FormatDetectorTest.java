package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void contentTypeWinsOverNameAndContent() {
        assertThat(FormatDetector.detect("application/x-ndjson", "a.json", bytes("{}"))).isEqualTo(InputFormat.JSONL);
        assertThat(FormatDetector.detect("application/ninjs+json; charset=utf-8", "a.txt", bytes("x")))
                .isEqualTo(InputFormat.NINJS);
        assertThat(FormatDetector.detect("application/atom+xml", null, bytes("<feed/>"))).isEqualTo(InputFormat.FEED);
        assertThat(FormatDetector.detect("text/plain", "a.json", bytes("{}"))).isEqualTo(InputFormat.TEXT);
    }

    @Test
    void genericXmlIsSniffedForFeedsAndNewsMl() {
        assertThat(FormatDetector.detect("application/xml", null, bytes("<?xml version=\"1.0\"?><rss version=\"2.0\">")))
                .isEqualTo(InputFormat.FEED);
        assertThat(FormatDetector.detect(null, "story.xml", bytes("<newsItem guid=\"x\"/>")))
                .isEqualTo(InputFormat.NEWSML);
        assertThat(FormatDetector.detect(null, "feed.xml", bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\">")))
                .isEqualTo(InputFormat.FEED);
    }

    @Test
    void extensionsNameTheirFormats() {
        assertThat(FormatDetector.detect(null, "dump.jsonl", bytes("{}"))).isEqualTo(InputFormat.JSONL);
        assertThat(FormatDetector.detect(null, "s.json", bytes("{}"))).isEqualTo(InputFormat.NINJS);
        assertThat(FormatDetector.detect(null, "s.txt", bytes("{}"))).isEqualTo(InputFormat.TEXT);
        assertThat(FormatDetector.detect(null, "s.rss", bytes("x"))).isEqualTo(InputFormat.FEED);
    }

    @Test
    void withoutTypeOrExtensionTheContentDecides() {
        assertThat(FormatDetector.detect(null, "noext", bytes("  {\"a\":1}"))).isEqualTo(InputFormat.NINJS);
        assertThat(FormatDetector.detect(null, "noext", bytes("{\"a\":1}\n{\"a\":2}\n"))).isEqualTo(InputFormat.JSONL);
        assertThat(FormatDetector.detect(null, "noext", bytes("[{\"a\":1}]"))).isEqualTo(InputFormat.NINJS);
        assertThat(FormatDetector.detect(null, "noext", bytes("\uFEFF<newsItem/>"))).isEqualTo(InputFormat.NEWSML);
        assertThat(FormatDetector.detect(null, "noext", bytes(" date 2022-06-02 Text."))).isEqualTo(InputFormat.TEXT);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
