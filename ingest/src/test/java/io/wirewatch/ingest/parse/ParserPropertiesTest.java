package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input to every parser: random bytes, mangled and truncated samples, deep nesting, wrong encodings, XXE and
 * entity bombs, a 50 MB input. Whatever happens, only {@link ParseException} escapes a parser (any other exception
 * or error fails the property), and no local file is ever read.
 */
class ParserPropertiesTest {

    private static final List<String> SAMPLES = List.of("wire-text-with-headers.txt", "wire-text-plain.txt",
            "ninjs2-story.json", "ninjs3-story.json", "newsml-nitf.xml", "newsml-xhtml.xml", "rss2-feed.xml",
            "atom-feed.xml", "archive.jsonl");
    private static final String SECRET = "wirewatch-xxe-canary-7f3a";
    private static Path secretFile;

    @BeforeContainer
    static void writeCanaryFile() throws IOException {
        secretFile = Files.createTempFile("xxe-canary", ".txt");
        Files.writeString(secretFile, SECRET);
    }

    @AfterContainer
    static void removeCanaryFile() throws IOException {
        Files.deleteIfExists(secretFile);
    }

    @Property(tries = 300)
    void randomBytesRaiseOnlyTheDocumentedException(@ForAll("parsers") StoryParser parser,
                                                    @ForAll @Size(max = 3000) byte[] input) {
        parseOrRefuse(parser, input);
    }

    @Property(tries = 300)
    void mangledSamplesRaiseOnlyTheDocumentedException(@ForAll("parsers") StoryParser parser,
                                                       @ForAll("mangledSamples") byte[] input) {
        parseOrRefuse(parser, input);
    }

    @Property(tries = 100)
    void hostileStructuresRaiseOnlyTheDocumentedException(@ForAll("parsers") StoryParser parser,
                                                          @ForAll("hostile") String input) {
        parseOrRefuse(parser, input.getBytes(StandardCharsets.UTF_8));
        parseOrRefuse(parser, input.getBytes(StandardCharsets.UTF_16LE));
    }

    @Property(tries = 50)
    void everyParserIsDeterministic(@ForAll("parsers") StoryParser parser, @ForAll("mangledSamples") byte[] input) {
        Object first = outcome(parser, input);
        Object second = outcome(parser, input);

        assertThat(second).isEqualTo(first);
    }

    @Example
    void xxePayloadsNeverReadALocalFile() {
        String uri = secretFile.toUri().toString();
        List<String> payloads = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM \"" + uri + "\">]>"
                        + "<newsItem guid=\"g\"><contentMeta><headline>&x;</headline></contentMeta></newsItem>",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + uri + "\">]><rss version=\"2.0\">"
                        + "<channel><title>t</title><link>l</link><description>d</description><item><guid>g</guid>"
                        + "<title>&x;</title></item></channel></rss>",
                "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
                        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>",
                "<?xml version=\"1.0\"?><!DOCTYPE newsItem SYSTEM \"" + uri + "\"><newsItem guid=\"g\"/>");
        for (String payload : payloads) {
            for (StoryParser parser : List.of(new NewsMlParser(), new FeedParser())) {
                for (byte[] bytes : List.of(payload.getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_16))) {
                    assertThatThrownBy(() -> parser.parse(bytes, Fixtures.meta("xxe.xml")))
                            .isInstanceOfSatisfying(ParseException.class, e -> {
                                assertThat(e.reason()).isEqualTo(ParseException.Reason.FORBIDDEN_DOCTYPE);
                                assertThat(e.getMessage()).doesNotContain(SECRET).contains("DOCTYPE");
                            });
                }
            }
        }
    }

    @Example
    void entitiesInHtmlBodiesAreNeverResolved() throws Exception {
        String uri = secretFile.toUri().toString();
        String json = "{\"uri\":\"u\",\"body_html\":\"<!DOCTYPE p [<!ENTITY x SYSTEM '" + uri + "'>]>"
                + "<p>before &x; after</p><img src='" + uri + "'>\"}";

        Parsed parsed = new NinjsParser().parse(json.getBytes(StandardCharsets.UTF_8), Fixtures.meta("h.json"));

        assertThat(parsed.stories()).flatExtracting(RawStory::getParagraphs).extracting(Paragraph::getText)
                .noneMatch(t -> t.contains(SECRET));
    }

    @Example
    void billionLaughsIsRefusedUnexpanded() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        xml.append("]><newsItem guid=\"g\"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");

        assertThatThrownBy(() -> new NewsMlParser().parse(xml.toString().getBytes(StandardCharsets.UTF_8),
                Fixtures.meta("lol.xml")))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.FORBIDDEN_DOCTYPE));
    }

    @Example
    void fiftyMegabytesAreRefusedWithAClearReasonWhateverTheFormat() {
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        Parsers parsers = new Parsers(10L * 1024 * 1024);

        for (InputFormat format : InputFormat.values()) {
            assertThatThrownBy(() -> parsers.parse(huge, Fixtures.meta("huge.bin"), format))
                    .isInstanceOfSatisfying(ParseException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ParseException.Reason.TOO_LARGE);
                        assertThat(e.getMessage()).contains("huge.bin").contains("52428800 bytes")
                                .contains("limit of 10485760 bytes").contains("ingest.max.input.bytes");
                    });
        }
    }

    @Example
    void deepJsonNestingIsRefusedNotOverflowed() {
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new NinjsParser().parse(deep, Fixtures.meta("deep.json")))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.MALFORMED_JSON));
    }

    @Example
    void deepXmlNestingIsRefusedNotOverflowed() {
        byte[] deep = ("<newsItem>" + "<a>".repeat(50_000) + "</a>".repeat(50_000) + "</newsItem>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new NewsMlParser().parse(deep, Fixtures.meta("deep.xml")))
                .isInstanceOf(ParseException.class);
    }

    @Provide
    Arbitrary<StoryParser> parsers() {
        return Arbitraries.of(new WireTextParser(), new NinjsParser(), new NewsMlParser(), new FeedParser(),
                new JsonLinesParser());
    }

    @Provide
    Arbitrary<byte[]> mangledSamples() {
        Arbitrary<byte[]> sample = Arbitraries.of(SAMPLES).map(Fixtures::sample);
        Arbitrary<byte[]> truncated = sample.flatMap(s -> Arbitraries.integers().between(0, s.length)
                .map(n -> Arrays.copyOf(s, n)));
        Arbitrary<byte[]> flipped = sample.flatMap(s -> Arbitraries.integers().between(0, s.length - 1).list()
                .ofMaxSize(20).flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] copy = s.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                })));
        Arbitrary<byte[]> latin1 = sample.map(s -> new String(s, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(truncated, flipped, latin1);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "<", ">", "</", "/>", "<p>",
                "<newsItem>", "<rss>", "<item>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xFFFF;", "\u0000", "\uFFFE",
                "\uD800", " date 2022-06-02", "\n\n", "(credit: x)", "headline", "uri", "null", "1e999999",
                "\"urgency\": ", "-", "\u202E", "\uFEFF").list().ofMaxSize(200).map(l -> String.join("", l));
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(500);
        Arbitrary<String> nested = Arbitraries.integers().between(1, 5000).flatMap(n -> Arbitraries.of(
                "{\"a\":".repeat(n), "[".repeat(n), "<a>".repeat(n), "<div>".repeat(n)));
        return Arbitraries.oneOf(tokens, unicode, nested);
    }

    private static void parseOrRefuse(StoryParser parser, byte[] input) {
        try {
            Parsed parsed = parser.parse(input, Fixtures.meta("hostile.input"));
            assertThat(parsed.stories()).allSatisfy(story -> {
                assertThat(story.getId()).isNotBlank();
                assertThat(story.getHeadline() != null || !story.getParagraphs().isEmpty()).isTrue();
            });
        } catch (ParseException e) {
            assertThat(e.getMessage()).startsWith("hostile.input");
            assertThat(e.reason()).isNotEqualTo(ParseException.Reason.UNREADABLE);
        }
    }

    private static Object outcome(StoryParser parser, byte[] input) {
        try {
            Parsed parsed = parser.parse(input, Fixtures.meta("same.input"));
            return List.of(parsed.stories(), parsed.failures().stream().map(f -> f.reason() + " " + f.getMessage())
                    .toList(), parsed.warnings());
        } catch (ParseException e) {
            return e.reason() + " " + e.getMessage();
        }
    }
}
