package io.wirewatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.enrich.TestStories;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private static List<Paragraph> body(List<String> texts) {
        return texts.stream().map(t -> new Paragraph(ParagraphRole.BODY, t)).toList();
    }

    @Test
    void sameTextWithOtherCaseAndPunctuationHasTheSameSignature() {
        List<String> text = TestStories.generatedBody(1, 12);
        List<String> shouted = text.stream().map(t -> t.toUpperCase().replace(".", " !")).toList();

        assertThat(MinHash.signature(body(shouted))).containsExactly(MinHash.signature(body(text)));
    }

    @Test
    void copyMissingOneParagraphOfTenIsVerySimilar() {
        List<String> text = TestStories.generatedBody(2, 30);
        List<String> copy = text.subList(0, text.size() - 1);

        double similarity = MinHash.similarity(MinHash.signature(body(text)), MinHash.signature(body(copy)));

        assertThat(similarity).isBetween(0.8, 1.0);
    }

    @Test
    void differentStoriesAreDissimilar() {
        double similarity = MinHash.similarity(MinHash.signature(body(TestStories.generatedBody(3, 30))),
                MinHash.signature(body(TestStories.generatedBody(4, 30))));

        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void captionsAreLeftOut() {
        List<Paragraph> text = new ArrayList<>(body(TestStories.generatedBody(5, 12)));
        List<Paragraph> withCaption = new ArrayList<>(text);
        withCaption.add(new Paragraph(ParagraphRole.CAPTION, "Ships in the harbour at dawn. (credit: A Photographer)"));

        assertThat(MinHash.signature(withCaption)).containsExactly(MinHash.signature(text));
    }

    @Test
    void storyTooShortToJudgeHasNoSignature() {
        assertThat(MinHash.signature(body(List.of("Four words only here.")))).isNull();
        assertThat(MinHash.signature(List.of())).isNull();
    }
}
