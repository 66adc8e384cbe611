package io.wirewatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.WatchMatch;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile and random text never makes the tagger throw, and every evidence is exactly a sentence it found. */
class TaggerPropertiesTest {

    private static final String[] WORDS = {"India", "Japan", "U.S.", "Israeli", "DRDO", "Tokyo", "the", "two",
        "countries", "joint", "exercise", "drills", "navy", "missiles", "buy", "from", "technology", "transfer",
        "security", "cooperation", "co-production", "R&D", "Mr.", "Gen.", "B.S.", "said.", "\u201CWe", "train\u201D",
        "(credit:", "Reuters)", "amid", "China's", ", which", "was", "developed", "jointly", "by", ".", "?", "!",
        "\n", "  ", "\u2019s", "\u00A0", "\t", "offsets", "licence", "border", "guards", "counter-terrorism"};

    @Provide
    Arbitrary<String> hostileText() {
        final Arbitrary<String> words = Arbitraries.of(WORDS).list().ofMaxSize(60).map(l -> String.join(" ", l));
        final Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(400);
        final Arbitrary<String> punctuation = Arbitraries.strings().withChars(".!?\"'\u201C\u201D()- \nAaZz&")
                .ofMaxLength(200);
        return Arbitraries.oneOf(words, unicode, punctuation);
    }

    @Provide
    Arbitrary<TagInput> stories() {
        final Arbitrary<Paragraph> paragraph = Combinators.combine(
                Arbitraries.of(ParagraphRole.class), hostileText()).as(Paragraph::new);
        final Arbitrary<String> headline = Arbitraries.oneOf(hostileText(), Arbitraries.just(null));
        return Combinators.combine(headline, paragraph.list().ofMaxSize(8)).as(TagInput::new);
    }

    @Property(tries = 400)
    void anyTextIsTaggedWithoutThrowingAndEvidenceIsTheSentence(@ForAll("stories") TagInput story) {
        final Enrichment e = TaggerFixture.tagger().tag(story);
        assertThat(e.taxonomyVersion()).isNotBlank();
        assertThat(e.defenseCooperation().getScore()).isBetween(0.0, 1.0);
        assertThat(e.defenseCooperation().getFlag()).isEqualTo(!e.cooperations().isEmpty());
        for (Evidence ev : allEvidence(e)) {
            final String text = ev.getParagraph() < 0 ? story.headline()
                    : story.paragraphs().get(ev.getParagraph()).getText();
            assertThat(ev.getStart()).isBetween(0, ev.getEnd());
            assertThat(ev.getEnd()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(ev.getStart(), ev.getEnd())).isEqualTo(ev.getText());
            assertThat(ev.getText()).isEqualTo(ev.getText().strip()).isNotEmpty();
        }
    }

    @Property(tries = 20)
    void hugeAndEmptyStoriesAreHandled(@ForAll("hostileText") String text) {
        final String huge = (text + " ").repeat(300);
        final Enrichment e = TaggerFixture.tagger().tag(new TagInput(huge, List.of(
                new Paragraph(ParagraphRole.BODY, huge), new Paragraph(ParagraphRole.BODY, ""))));
        assertThat(e.topics()).allSatisfy(t -> assertThat(t.getEvidence()).isNotEmpty());
    }

    @Example
    void storyBeyondTheWordLimitIsRefusedWithAReasonToAct() {
        final String text = "navy ".repeat(210_000);
        assertThatThrownBy(() -> TaggerFixture.tagger().tag(Stories.of(text)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split it");
    }

    private static List<Evidence> allEvidence(Enrichment e) {
        final List<Evidence> all = new ArrayList<>();
        for (TopicTag t : e.topics()) {
            all.addAll(t.getEvidence());
        }
        for (Cooperation c : e.cooperations()) {
            all.addAll(c.getEvidence());
        }
        for (WatchMatch w : e.watches()) {
            all.addAll(w.getEvidence());
        }
        return all;
    }
}
