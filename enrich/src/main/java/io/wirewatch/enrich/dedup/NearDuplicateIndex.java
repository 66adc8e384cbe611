package io.wirewatch.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The recent stories' MinHash signatures, bounded by count and event time, and the LSH band buckets that find an
 * earlier story a new one nearly duplicates.
 *
 * <p>Durable state, one changelogged key-value store that is written, and read only when the index is built:
 * <ul>
 *   <li>{@code s:<storyId>}: the story's entry (arrival sequence number, event time, root id, signature);</li>
 *   <li>{@code m:head}, {@code m:next}, {@code m:newest}: oldest kept sequence, next sequence, newest event time.</li>
 * </ul>
 * In memory, rebuilt from the store by the constructor (on every start and after every restore): the ids and event
 * times of the kept stories in arrival order (a ring indexed by sequence number), id to sequence, and the band
 * buckets ({@link BandTable}: the newest {@value #MAX_PER_BAND} stories of each). Buckets and arrival order follow
 * from the entries, so only one entry is written per story; an earlier version also stored them ({@code b:} and
 * {@code q:} keys), which this one deletes as it goes, as it does entries of another format (signatures of another
 * MinHash scheme, which do not compare with this one's: those stories are forgotten). Lookups touch the store only
 * for the few candidates that share at least {@value #MIN_BAND_HITS} bands (their signature and root), a replayed
 * story (its root) and an evicted one (its signature, to leave its buckets). About 0.5 KB of heap per kept story
 * (50 MB at 100,000).
 *
 * <p>The index sees every story of the application (its repartition topic has one partition), so two wires' copies
 * of a story are compared whatever their ids. Not thread-safe: one stream task owns it.
 */
public final class NearDuplicateIndex {

    /** Ids kept per band bucket; older ones fall out (boilerplate-heavy buckets stay small). */
    static final int MAX_PER_BAND = 64;
    /**
     * Candidates sharing fewer bands are not compared: at similarity 0.8 a pair shares 6.5 of 16 bands on average
     * and fewer than two with probability 0.0023, while chance collisions of unrelated stories rarely repeat.
     */
    static final int MIN_BAND_HITS = 2;

    /**
     * Entry format: 1 held signatures of MinHash scheme 1, 2 those of scheme 2 ({@link MinHash#SCHEME}). Entries of
     * another format are not compared (their signatures do not compare with this version's): the index drops them.
     */
    private static final byte FORMAT = 2;
    private static final String STORY_PREFIX = "s:";
    private static final String HEAD = "m:head";
    private static final String NEXT = "m:next";
    private static final String NEWEST = "m:newest";
    /** Keys of the earlier layout deleted per observed story (bounded, so a large old index never stalls a task). */
    private static final int LEGACY_DELETES_PER_STORY = 256;

    private final KeyValueStore<String, byte[]> store;
    private final double threshold;
    private final long windowMs;
    private final int maxStories;

    private final Map<String, Long> sequences = new HashMap<>();
    private final BandTable bands = new BandTable();
    private final Ring ring = new Ring();
    private final int[] candidates = new int[MinHash.BANDS * MAX_PER_BAND];
    private final Set<String> legacyKeys = new LinkedHashSet<>();
    private long head;
    private long next;
    private long newest = Long.MIN_VALUE;

    /** What the index decided for a story. */
    public record Decision(String duplicateOf, double similarity) {
        public static final Decision ORIGINAL = new Decision(null, 0);

        public boolean isDuplicate() {
            return duplicateOf != null;
        }
    }

    /** One indexed story. {@code root} is the id of the story it duplicates, or its own id. */
    record Entry(long sequence, long eventTime, String root, int[] signature) {
    }

    /**
     * Builds the in-memory index from the store's entries.
     *
     * @param threshold estimated Jaccard similarity at or above which a story is a near-duplicate
     * @param window stories further apart in event time are not compared
     * @param maxStories entries kept at most
     */
    public NearDuplicateIndex(KeyValueStore<String, byte[]> store, double threshold, Duration window,
                              int maxStories) {
        this.store = store;
        this.threshold = threshold;
        this.windowMs = window.toMillis();
        this.maxStories = maxStories;
        rebuild();
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }

    /**
     * Looks for an earlier story this one nearly duplicates, then remembers this one. A story seen before (a replay)
     * keeps its place in arrival order, so it is only ever compared with stories that arrived before it.
     *
     * @param signature the story's MinHash signature, or null when it is too short to compare (never a duplicate)
     */
    public Decision observe(String storyId, int[] signature, long eventTime) {
        deleteSomeLegacyKeys();
        if (signature == null) {
            return Decision.ORIGINAL;
        }
        Long self = sequences.get(storyId);
        long sequence = self != null ? self : next;
        Decision decision = findEarlier(storyId, signature, eventTime, sequence);
        if (!decision.isDuplicate() && self != null) {
            String root = entry(storyId).root();
            if (!root.equals(storyId)) {
                // a replay after the story it duplicated was evicted: keep the earlier answer
                decision = new Decision(root, 0);
            }
        }
        if (self == null) {
            add(storyId, new Entry(sequence, eventTime, decision.isDuplicate() ? decision.duplicateOf() : storyId,
                    signature));
            evict();
        }
        return decision;
    }

    /** The root of the earliest story before {@code sequence} similar enough, among those sharing enough bands. */
    private Decision findEarlier(String storyId, int[] signature, long eventTime, long sequence) {
        int found = 0;
        for (int band = 0; band < MinHash.BANDS; band++) {
            found = bands.read(MinHash.bandHash(signature, band), band, ring, candidates, found);
        }
        if (found < MIN_BAND_HITS) {
            return Decision.ORIGINAL;
        }
        Arrays.sort(candidates, 0, found);
        long bestSequence = Long.MAX_VALUE;
        Entry best = null;
        double bestSimilarity = 0;
        for (int run = 0; run < found; ) {
            int candidate = candidates[run];
            int end = run + 1;
            while (end < found && candidates[end] == candidate) {
                end++;
            }
            int hits = end - run;
            run = end;
            long candidateSequence = fullSequence(candidate);
            // the story itself (a replay) and stories that arrived after it are not earlier
            if (hits < MIN_BAND_HITS || candidateSequence >= sequence || candidateSequence > bestSequence
                    || Math.abs(ring.eventTime(candidateSequence) - eventTime) > windowMs) {
                continue;
            }
            Entry entry = entry(ring.id(candidateSequence));
            if (entry == null || entry.root().equals(storyId)) {
                continue;
            }
            double similarity = MinHash.similarity(signature, entry.signature());
            if (similarity >= threshold) {
                best = entry;
                bestSequence = candidateSequence;
                bestSimilarity = similarity;
            }
        }
        return best == null ? Decision.ORIGINAL : new Decision(best.root(), bestSimilarity);
    }

    private void add(String storyId, Entry entry) {
        legacyKeys.remove(storyKey(storyId));
        store.put(storyKey(storyId), encode(entry));
        ring.ensureCapacity(head, entry.sequence() + 1);
        ring.put(entry.sequence(), storyId, entry.eventTime());
        sequences.put(storyId, entry.sequence());
        int truncated = (int) entry.sequence();
        for (int band = 0; band < MinHash.BANDS; band++) {
            bands.add(MinHash.bandHash(entry.signature(), band), band, truncated, ring, MAX_PER_BAND);
        }
        next = entry.sequence() + 1;
        write(NEXT, next);
        if (entry.eventTime() > newest) {
            newest = entry.eventTime();
            write(NEWEST, newest);
        }
    }

    /** Drops the oldest entries while there are too many or the oldest is out of the window. */
    private void evict() {
        long before = head;
        while (head < next) {
            String id = ring.id(head);
            if (id != null && next - head <= maxStories && ring.eventTime(head) >= newest - windowMs) {
                break;
            }
            if (id != null) {
                remove(id, head);
            }
            head++;
        }
        if (head != before) {
            write(HEAD, head);
        }
    }

    private void remove(String storyId, long sequence) {
        Entry entry = entry(storyId);
        if (entry != null) {
            for (int band = 0; band < MinHash.BANDS; band++) {
                bands.removeOldest(MinHash.bandHash(entry.signature(), band), band, (int) sequence, ring);
            }
        }
        store.delete(storyKey(storyId));
        sequences.remove(storyId);
        ring.clear(sequence);
    }

    /** How many stories the index holds. */
    public long size() {
        return next - head;
    }

    /** The sequence number of a kept story from its truncation to an int. */
    private long fullSequence(int truncated) {
        return head + ((truncated - (int) head) & 0xFFFFFFFFL);
    }

    private Entry entry(String storyId) {
        byte[] bytes = store.get(storyKey(storyId));
        return bytes == null ? null : decode(bytes);
    }

    private void write(String key, long value) {
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static long readLong(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    private static String storyKey(String storyId) {
        return STORY_PREFIX + storyId;
    }

    /** Reads every entry of the store and rebuilds arrival order and buckets as the stories arrived. */
    private void rebuild() {
        record Kept(long sequence, String id, long eventTime, long[] bandHashes) {
        }
        List<Kept> kept = new ArrayList<>();
        long storedNext = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> item = all.next();
                String key = item.key;
                if (key.startsWith(STORY_PREFIX) && item.value.length > 0 && item.value[0] != FORMAT) {
                    legacyKeys.add(key);
                } else if (key.startsWith(STORY_PREFIX)) {
                    Entry entry = decode(item.value);
                    long[] bandHashes = new long[MinHash.BANDS];
                    for (int band = 0; band < MinHash.BANDS; band++) {
                        bandHashes[band] = MinHash.bandHash(entry.signature(), band);
                    }
                    kept.add(new Kept(entry.sequence(), key.substring(STORY_PREFIX.length()), entry.eventTime(),
                            bandHashes));
                } else if (key.equals(NEXT)) {
                    storedNext = readLong(item.value);
                } else if (key.equals(NEWEST)) {
                    newest = readLong(item.value);
                } else if (!key.equals(HEAD)) {
                    legacyKeys.add(key);
                }
            }
        }
        kept.sort(Comparator.comparingLong(Kept::sequence));
        next = kept.isEmpty() ? storedNext : Math.max(storedNext, kept.get(kept.size() - 1).sequence() + 1);
        head = kept.isEmpty() ? next : kept.get(0).sequence();
        ring.ensureCapacity(head, next);
        for (Kept story : kept) {
            ring.put(story.sequence(), story.id(), story.eventTime());
            sequences.put(story.id(), story.sequence());
            for (int band = 0; band < MinHash.BANDS; band++) {
                bands.add(story.bandHashes()[band], band, (int) story.sequence(), ring, MAX_PER_BAND);
            }
        }
    }

    private void deleteSomeLegacyKeys() {
        if (legacyKeys.isEmpty()) {
            return;
        }
        Iterator<String> keys = legacyKeys.iterator();
        for (int deleted = 0; deleted < LEGACY_DELETES_PER_STORY && keys.hasNext(); deleted++) {
            store.delete(keys.next());
            keys.remove();
        }
    }

    /**
     * Ids, event times and bucket links of the kept stories, by sequence number modulo a power-of-two capacity
     * (kept stories span fewer sequence numbers than the capacity).
     */
    private static final class Ring implements BandTable.Links {
        private static final int MIN_CAPACITY = 16;

        private String[] ids = new String[MIN_CAPACITY];
        private long[] eventTimes = new long[MIN_CAPACITY];
        private int[] links = new int[MIN_CAPACITY * MinHash.BANDS];
        private int mask = MIN_CAPACITY - 1;

        /** Makes room for the sequence numbers {@code [from, to)}, keeping those already held. */
        void ensureCapacity(long from, long to) {
            long span = to - from;
            if (span <= ids.length) {
                return;
            }
            int capacity = Integer.highestOneBit((int) Math.min(span, 1 << 30) - 1) << 1;
            capacity = Math.max(capacity, MIN_CAPACITY);
            String[] oldIds = ids;
            long[] oldTimes = eventTimes;
            int[] oldLinks = links;
            int oldMask = mask;
            ids = new String[capacity];
            eventTimes = new long[capacity];
            links = new int[capacity * MinHash.BANDS];
            mask = capacity - 1;
            for (long sequence = from; sequence < Math.min(to, from + oldIds.length); sequence++) {
                int oldSlot = (int) sequence & oldMask;
                int slot = (int) sequence & mask;
                ids[slot] = oldIds[oldSlot];
                eventTimes[slot] = oldTimes[oldSlot];
                System.arraycopy(oldLinks, oldSlot * MinHash.BANDS, links, slot * MinHash.BANDS, MinHash.BANDS);
            }
        }

        void put(long sequence, String id, long eventTime) {
            int slot = (int) sequence & mask;
            ids[slot] = id;
            eventTimes[slot] = eventTime;
        }

        void clear(long sequence) {
            ids[(int) sequence & mask] = null;
        }

        /** The id kept with this sequence number, or null. */
        String id(long sequence) {
            return ids[(int) sequence & mask];
        }

        long eventTime(long sequence) {
            return eventTimes[(int) sequence & mask];
        }

        @Override
        public int next(int sequence, int band) {
            return links[(sequence & mask) * MinHash.BANDS + band];
        }

        @Override
        public void setNext(int sequence, int band, int older) {
            links[(sequence & mask) * MinHash.BANDS + band] = older;
        }
    }

    static byte[] encode(Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entry.root().length() + 4 * MinHash.SLOTS);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(entry.sequence());
            out.writeLong(entry.eventTime());
            out.writeUTF(entry.root());
            for (int slot : entry.signature()) {
                out.writeInt(slot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Entry decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkFormat(in.readByte());
            long sequence = in.readLong();
            long eventTime = in.readLong();
            String root = in.readUTF();
            int[] signature = new int[MinHash.SLOTS];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.readInt();
            }
            return new Entry(sequence, eventTime, root, signature);
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt near-duplicate index entry", e);
        }
    }

    private static void checkFormat(byte format) {
        if (format != FORMAT) {
            throw new IllegalStateException("Near-duplicate index entry in format " + format + ", this version reads "
                    + FORMAT + ": reset the enrich application's state (see enrich/README.md, Replay)");
        }
    }
}
