package io.wirewatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index's decisions on signatures made by hand (equal slots give exactly the similarity wanted), and on long
 * random feeds: exactly those of the store-only index it replaced ({@link ReferenceNearDuplicateIndex}), across
 * restarts and when it takes over that index's state.
 */
class NearDuplicateIndexTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final Duration WINDOW = Duration.ofDays(2);
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    private static KeyValueStore<String, byte[]> newStore() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private NearDuplicateIndex index(int maxStories) {
        return new NearDuplicateIndex(store, 0.8, WINDOW, maxStories);
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

    @Test
    void indexRebuiltFromItsStoreRemembersEverything() {
        NearDuplicateIndex index = index(100);
        index.observe("a", base(1), 0);
        index.observe("b", signature(1, 56, 2), HOUR);

        NearDuplicateIndex restarted = index(100);

        assertThat(restarted.size()).isEqualTo(2);
        assertThat(restarted.observe("c", signature(1, 60, 3), HOUR).duplicateOf()).isEqualTo("a");
        assertThat(restarted.observe("b", signature(1, 56, 2), HOUR).duplicateOf()).isEqualTo("a");
    }

    @Test
    void bucketKeepsItsNewestStoriesOnly() {
        NearDuplicateIndex index = new NearDuplicateIndex(store, 0.5, WINDOW, 1000);
        // 70 stories share slots 0..7 (bands 0 and 1) and nothing else: s0..s5 fall out of those two buckets
        for (int i = 0; i < 70; i++) {
            index.observe("s" + i, signature(1, 8, 10 + i), 0);
        }

        assertThat(index.observe("close-to-s6", sharingTwoBands(signature(1, 8, 16)), 0).duplicateOf())
                .isEqualTo("s6");
        assertThat(index.observe("close-to-s5", sharingTwoBands(signature(1, 8, 15)), 0).isDuplicate()).isFalse();
    }

    /** The signature with one slot of each band from the third on changed: 50 of 64 slots equal, 2 bands shared. */
    private static int[] sharingTwoBands(int[] signature) {
        int[] close = signature.clone();
        for (int band = 2; band < MinHash.BANDS; band++) {
            close[band * MinHash.ROWS + MinHash.ROWS - 1] = -1 - band;
        }
        return close;
    }

    @ParameterizedTest(name = "seed {0}, at most {1} stories, restart every {2}, threshold {3}")
    @CsvSource({"1, 150, 0, 0.8", "2, 100000, 0, 0.8", "3, 150, 337, 0.8", "4, 40, 101, 0.8",
            "5, 100000, 523, 0.8", "6, 100000, 0, 0.5", "7, 500, 211, 0.5"})
    void decidesExactlyLikeTheStoreOnlyIndexOnARandomFeed(long seed, int maxStories, int restartEvery,
                                                         double threshold) {
        ReferenceNearDuplicateIndex reference = new ReferenceNearDuplicateIndex(newStore(), threshold, WINDOW,
                maxStories);
        NearDuplicateIndex index = new NearDuplicateIndex(store, threshold, WINDOW, maxStories);
        Feed feed = new Feed(seed);
        int duplicates = 0;

        for (int step = 1; step <= 4000; step++) {
            Feed.Story story = feed.next();
            NearDuplicateIndex.Decision expected = reference.observe(story.id(), story.signature(), story.time());
            NearDuplicateIndex.Decision actual = index.observe(story.id(), story.signature(), story.time());

            assertThat(actual).as("step %d: %s", step, story.id()).isEqualTo(expected);
            assertThat(index.size()).as("step %d", step).isEqualTo(reference.size());
            duplicates += expected.isDuplicate() ? 1 : 0;
            if (restartEvery > 0 && step % restartEvery == 0) {
                index = new NearDuplicateIndex(store, threshold, WINDOW, maxStories);
            }
        }
        assertThat(duplicates).as("the feed has near-duplicates to find").isGreaterThan(150);
    }

    @Test
    void forgetsTheEntriesOfAnEarlierSignatureSchemeAndDeletesEveryKeyOfTheEarlierLayout() {
        // the store-only index of MinHash scheme 1: entries in format 1 and bucket and arrival keys
        KeyValueStore<String, byte[]> referenceStore = newStore();
        ReferenceNearDuplicateIndex reference = new ReferenceNearDuplicateIndex(referenceStore, 0.8, WINDOW, 150);
        Feed feed = new Feed(6);
        for (int step = 0; step < 1500; step++) {
            Feed.Story story = feed.next();
            reference.observe(story.id(), story.signature(), story.time());
        }
        try (KeyValueIterator<String, byte[]> all = referenceStore.all()) {
            all.forEachRemaining(item -> store.put(item.key, item.value));
        }
        NearDuplicateIndex index = index(150);
        NearDuplicateIndex fresh = new NearDuplicateIndex(newStore(), 0.8, WINDOW, 150);

        assertThat(index.size()).isZero();
        for (int step = 0; step < 1500; step++) {
            Feed.Story story = feed.next();
            assertThat(index.observe(story.id(), story.signature(), story.time()))
                    .isEqualTo(fresh.observe(story.id(), story.signature(), story.time()));
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(item -> keys.add(item.key));
        }
        assertThat(index.size()).isPositive();
        assertThat(keys).allMatch(key -> key.startsWith("s:") || key.startsWith("m:"))
                .hasSize((int) index.size() + 3);
    }

    @Test
    void storyWhoseEarlierSchemeEntryIsNotDeletedYetKeepsItsNewEntry() {
        KeyValueStore<String, byte[]> referenceStore = newStore();
        ReferenceNearDuplicateIndex reference = new ReferenceNearDuplicateIndex(referenceStore, 0.8, WINDOW, 1000);
        for (int i = 0; i < 300; i++) {
            reference.observe("old-" + i, base(i), i * HOUR / 100);
        }
        try (KeyValueIterator<String, byte[]> all = referenceStore.all()) {
            all.forEachRemaining(item -> store.put(item.key, item.value));
        }
        NearDuplicateIndex index = index(1000);
        index.observe("old-299", base(299), 4 * HOUR);
        for (int i = 0; i < 40; i++) {
            index.observe("new-" + i, base(1000 + i), 4 * HOUR);
        }

        NearDuplicateIndex restarted = index(1000);

        assertThat(restarted.size()).isEqualTo(41);
        assertThat(restarted.observe("copy", signature(299, 60, 7), 4 * HOUR).duplicateOf()).isEqualTo("old-299");
    }

    /**
     * A random feed: copies of a few dozen stories with 0 to 20 of 64 slots changed (around the 0.8 threshold),
     * boilerplate sharing two bands with each other (buckets beyond their cap), some of it built around the same few
     * stories (found at a threshold of 0.5 only while in the buckets' newest), unrelated stories, stories too short
     * to compare, replays of earlier ids; event time mostly moving forward by a minute or two (a 2-day window holds
     * about 2,000 stories), sometimes a day ahead, or a story days late (window evictions, comparisons across the
     * window).
     */
    private static final class Feed {
        record Story(String id, int[] signature, long time) {
        }

        private final Random random;
        private final int[][] bases = new int[40][];
        private final int[] boilerplate;
        private final List<Story> seen = new ArrayList<>();
        private long clock = 10 * 24 * HOUR;
        private int count;

        Feed(long seed) {
            random = new Random(seed);
            for (int i = 0; i < bases.length; i++) {
                bases[i] = randomSignature();
            }
            boilerplate = randomSignature();
        }

        Story next() {
            int kind = random.nextInt(100);
            if (kind < 8 && !seen.isEmpty()) {
                return seen.get(random.nextInt(seen.size()));
            }
            double jump = random.nextDouble();
            clock += jump < 0.005 ? 24 * HOUR : random.nextInt(3 * 60_000);
            long time = jump > 0.96 ? clock - (1 + random.nextInt(4)) * 24 * HOUR : clock;
            int[] signature;
            if (kind < 55) {
                signature = bases[random.nextInt(bases.length)].clone();
                int changes = random.nextInt(21);
                for (int i = 0; i < changes; i++) {
                    signature[random.nextInt(MinHash.SLOTS)] = random.nextInt(Integer.MAX_VALUE);
                }
            } else if (kind < 62) {
                signature = randomSignature();
                System.arraycopy(boilerplate, 0, signature, 0, 2 * MinHash.ROWS);
            } else if (kind < 70) {
                // boilerplate around one of the stories, one slot of every other band changed: two of these share
                // the boilerplate bands only, and about 36 of 64 slots
                signature = bases[random.nextInt(bases.length)].clone();
                System.arraycopy(boilerplate, 0, signature, 0, 2 * MinHash.ROWS);
                for (int band = 2; band < MinHash.BANDS; band++) {
                    signature[band * MinHash.ROWS + random.nextInt(MinHash.ROWS)] = random.nextInt(Integer.MAX_VALUE);
                }
            } else if (kind < 75) {
                signature = null;
            } else {
                signature = randomSignature();
            }
            Story story = new Story("story-" + count++, signature, time);
            seen.add(story);
            return story;
        }

        private int[] randomSignature() {
            int[] signature = new int[MinHash.SLOTS];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = random.nextInt(Integer.MAX_VALUE);
            }
            return signature;
        }
    }
}
