package io.wirewatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.TopicTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared sample story (third-party text, read from ../shared, skipped when absent) gives the known reading. */
class SharedSampleTest {

    private static TagInput input;
    private static Enrichment result;

    @BeforeAll
    static void tagTheSample() {
        final Path sample = Stories.shared().map(s -> s.resolve("samples/israel-india-2022-06-02.txt"))
                .filter(Files::isRegularFile).orElse(null);
        assumeThat(sample).as("the shared sample ../shared/samples/israel-india-2022-06-02.txt is not here; "
                + "skipping the sample tests").isNotNull();
        input = Stories.readPlainText(sample);
        result = TaggerFixture.tagger().tag(input);
    }

    @Test
    void readerFindsTwoCaptionsAndTheSubhead() {
        assertThat(input.paragraphs().stream().filter(p -> p.getRole() == ParagraphRole.CAPTION)).hasSize(2);
        assertThat(input.paragraphs().stream().filter(p -> p.getRole() == ParagraphRole.SUBHEAD)
                .map(p -> p.getText())).containsExactly("Japan and Vietnam");
    }

    @Test
    void mentionsExactlyIsraelIndiaJapanAndVietnam() {
        assertThat(result.countries()).extracting(CountryMention::getCode)
                .containsExactlyInAnyOrder("IL", "IN", "JP", "VN");
    }

    @Test
    void findsExactlyTheThreeCooperationsWithTheirTopics() {
        final Map<List<String>, List<String>> cooperations = result.cooperations().stream()
                .collect(Collectors.toMap(Cooperation::getParties, Cooperation::getTopics));
        assertThat(cooperations).containsExactlyInAnyOrderEntriesOf(Map.of(
                List.of("IL", "IN"), List.of("industrial", "rnd", "security", "training"),
                List.of("IL", "JP"), List.of("rnd", "security"),
                List.of("IL", "VN"), List.of("exports", "rnd")));
        assertThat(result.defenseCooperation().getFlag()).isTrue();
        assertThat(result.taxonomyVersion()).isEqualTo("defense-cooperation/1.0.0");
    }

    @Test
    void everyEvidenceIsTheSentenceThatSaysIt() {
        for (TopicTag topic : result.topics()) {
            assertThat(topic.getEvidence()).as(topic.getId()).isNotEmpty();
            for (Evidence e : topic.getEvidence()) {
                final String paragraph = input.paragraphs().get(e.getParagraph()).getText();
                assertThat(paragraph.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
                assertThat(e.getText()).as("evidence for %s", topic.getId()).matches(says(topic.getId()));
            }
        }
    }

    /** What a sentence proving each topic must contain, in the sample's wording families. */
    private static String says(String topic) {
        switch (topic) {
            case "rnd":
                return "(?s).*(R&D|research|technolog).*";
            case "training":
                return "(?s).*training.*";
            case "industrial":
                return "(?s).*industrial cooperation.*";
            case "exports":
                return "(?s).*exports.*";
            default:
                return "(?s).*(security|terror).*";
        }
    }
}
