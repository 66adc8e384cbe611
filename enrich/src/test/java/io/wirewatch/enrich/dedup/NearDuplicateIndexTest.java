package io.wirewatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index's decisions on signatures made by hand: equal slots give exactly the similarity wanted. */
class NearDuplicateIndexTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    private NearDuplicateIndex index(int maxStories) {
        return new NearDuplicateIndex(store, 0.8, Duration.ofDays(2), maxStories);
    }

    /** A signature sharing its first {@code shared} slots with {@link #base(int)}, the rest unique to {@code tag}. */
    private static int[] signature(int base, int shared, int tag) {
        int[] signature = new int[MinHash.SLOTS];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = i < shared ? base * 1000 + i : tag * 100_000 + i;
        }
        return signature;
    }

    private static int[] base(int base) {
        return signature(base, MinHash.SLOTS, 0);
    }

    @Test
    void storySimilarEnoughToAnEarlierOneIsItsDuplicate() {
        NearDuplicateIndex index = index(100);

        assertThat(index.observe("a", base(1), 0).isDuplicate()).isFalse();
        NearDuplicateIndex.Decision decision = index.observe("b", signature(1, 56, 2), HOUR);

        assertThat(decision.duplicateOf()).isEqualTo("a");
        assertThat(decision.similarity()).isEqualTo(56 / 64.0);
    }

    @Test
    void storyBelowTheThresholdIsOriginal() {
        NearDuplicateIndex index = index(100);
        index.observe("a", base(1), 0);

        assertThat(index.observe("b", signature(1, 48, 2), HOUR).isDuplicate()).isFalse();
    }

    @Test
    void duplicateOfADuplicatePointsAtTheFirstStory() {
        NearDuplicateIndex index = index(100);
        index.observe("a", base(1), 0);
        int[] closeToA = signature(1, 52, 2);
        index.observe("b", closeToA, 0);
        int[] closeToBOnly = closeToA.clone();
        Arrays.fill(closeToBOnly, 0, 12, 9_999_999);

        assertThat(MinHash.similarity(closeToBOnly, base(1))).isLessThan(0.8);
        assertThat(index.observe("c", closeToBOnly, 0).duplicateOf()).isEqualTo("a");
    }

    @Test
    void replayedStoryIsComparedOnlyWithStoriesThatArrivedBeforeIt() {
        NearDuplicateIndex index = index(100);
        index.observe("a", base(1), 0);
        index.observe("b", base(1), 0);

        assertThat(index.observe("a", base(1), 0).isDuplicate()).isFalse();
        assertThat(index.observe("b", base(1), 0).duplicateOf()).isEqualTo("a");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void oldestStoriesAreEvictedBeyondTheCapacity() {
        NearDuplicateIndex index = index(3);
        for (int i = 1; i <= 5; i++) {
            index.observe("s" + i, base(i), 0);
        }

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.observe("copy-of-s1", base(1), 0).isDuplicate()).isFalse();
        assertThat(index.observe("copy-of-s5", base(5), 0).duplicateOf()).isEqualTo("s5");
        assertThat(store.get("s:s1")).isNull();
    }

    @Test
    void storiesOlderThanTheWindowAreEvictedAndNotCompared() {
        NearDuplicateIndex index = index(100);
        index.observe("old", base(1), 0);
        index.observe("new", base(2), 3 * 24 * HOUR);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.observe("copy-of-old", base(1), 3 * 24 * HOUR).isDuplicate()).isFalse();
    }

    @Test
    void storyWithoutSignatureIsNeitherComparedNorRemembered() {
        NearDuplicateIndex index = index(100);

        assertThat(index.observe("short", null, 0).isDuplicate()).isFalse();
        assertThat(index.size()).isZero();
    }
}
