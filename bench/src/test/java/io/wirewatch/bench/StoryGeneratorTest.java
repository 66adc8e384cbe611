package io.wirewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoryGeneratorTest {

    @Test
    void sizesSpanHalfAKilobyteToTenWithAMedianNearThree() {
        StoryGenerator generator = new StoryGenerator(7, 0.4);
        List<Integer> sizes = IntStream.range(0, 2_000).mapToObj(i -> generator.next().bytes()).sorted().toList();

        assertThat(sizes.get(0)).isGreaterThanOrEqualTo(500);
        assertThat(sizes.get(sizes.size() - 1)).isLessThanOrEqualTo(10_600);
        assertThat(sizes.get(sizes.size() / 2)).isBetween(2_600, 3_600);
    }

    @Test
    void theShareOfCooperationStoriesIsAsAskedAndTheSequenceIsRepeatable() {
        StoryGenerator generator = new StoryGenerator(7, 0.4);
        long cooperation = IntStream.range(0, 2_000).filter(i -> generator.next().cooperation()).count();

        assertThat(cooperation).isBetween(700L, 900L);
        assertThat(new StoryGenerator(3, 0.5).next().wireText()).isEqualTo(new StoryGenerator(3, 0.5).next().wireText());
    }

    @Test
    void fillerSentencesRarelyRepeatSoStoriesAreNotNearDuplicatesOfEachOther() {
        StoryGenerator generator = new StoryGenerator(11, 0.4);
        List<String> sentences = IntStream.range(0, 5_000).mapToObj(i -> generator.fillerSentence()).toList();

        assertThat(new HashSet<>(sentences)).hasSizeGreaterThan(4_900);
        assertThat(sentences).allSatisfy(s -> assertThat(s).doesNotContain("{").matches("[A-Z].*\\.")
                .doesNotContainIgnoringCase("defen").doesNotContainIgnoringCase("military")
                .doesNotContainIgnoringCase("joint"));
    }
}
