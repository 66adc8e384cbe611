package io.wirewatch.enrich.dedup;

import io.wirewatch.enrich.dedup.NearDuplicateIndex.Decision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The near-duplicate index as it was before the in-memory buckets (wirewatch 0.1.0 up to 2026-11-26), kept as the
 * reference model the current {@link NearDuplicateIndex} must decide exactly like ({@code NearDuplicateIndexTest}).
 * Everything lives in the store and is read from it on each lookup:
 * <ul>
 *   <li>{@code s:<storyId>}: the story's entry (arrival sequence number, event time, root id, signature);</li>
 *   <li>{@code b:<band>:<bandHash>}: ids of the stories sharing that band (the newest {@value #MAX_PER_BAND});</li>
 *   <li>{@code q:<sequence>}: the story id that arrived with that number, to evict in arrival order;</li>
 *   <li>{@code m:head}, {@code m:next}, {@code m:newest}: oldest kept sequence, next sequence, newest event time.</li>
 * </ul>
 * The index sees every story of the application (its repartition topic has one partition), so two wires' copies of a
 * story are compared whatever their ids. Not thread-safe: one stream task owns it.
 */
final class ReferenceNearDuplicateIndex {

    /** Ids kept per band bucket; older ones fall out (boilerplate-heavy buckets stay small). */
    static final int MAX_PER_BAND = 64;
    /**
     * Candidates sharing fewer bands are not compared: at similarity 0.8 a pair shares 6.5 of 16 bands on average
     * and fewer than two with probability 0.0023, while chance collisions of unrelated stories rarely repeat.
     */
    static final int MIN_BAND_HITS = 2;

    private static final byte FORMAT = 1;
    private static final String HEAD = "m:head";
    private static final String NEXT = "m:next";
    private static final String NEWEST = "m:newest";

    private final KeyValueStore<String, byte[]> store;
    private final double threshold;
    private final long windowMs;
    private final int maxStories;

    /** One indexed story. {@code root} is the id of the story it duplicates, or its own id. */
    record Entry(long sequence, long eventTime, String root, int[] signature) {
    }

    /**
     * @param threshold estimated Jaccard similarity at or above which a story is a near-duplicate
     * @param window stories further apart in event time are not compared
     * @param maxStories entries kept at most
     */
    ReferenceNearDuplicateIndex(KeyValueStore<String, byte[]> store, double threshold, Duration window,
                              int maxStories) {
        this.store = store;
        this.threshold = threshold;
        this.windowMs = window.toMillis();
        this.maxStories = maxStories;
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
        if (signature == null) {
            return Decision.ORIGINAL;
        }
        Entry self = entry(storyId);
        long sequence = self != null ? self.sequence() : read(NEXT, 0);
        Decision decision = findEarlier(storyId, signature, eventTime, sequence);
        if (!decision.isDuplicate() && self != null && !self.root().equals(storyId)) {
            // a replay after the story it duplicated was evicted: keep the earlier answer
            decision = new Decision(self.root(), 0);
        }
        if (self == null) {
            add(storyId, new Entry(sequence, eventTime,
                    decision.isDuplicate() ? decision.duplicateOf() : storyId, signature));
            evict();
        }
        return decision;
    }

    private Decision findEarlier(String storyId, int[] signature, long eventTime, long sequence) {
        Map<String, Integer> bandHits = new HashMap<>();
        for (int band = 0; band < MinHash.BANDS; band++) {
            for (String candidateId : ids(bandKey(band, MinHash.bandHash(signature, band)))) {
                if (!candidateId.equals(storyId)) {
                    bandHits.merge(candidateId, 1, Integer::sum);
                }
            }
        }
        Entry best = null;
        double bestSimilarity = 0;
        for (Map.Entry<String, Integer> hit : bandHits.entrySet()) {
            if (hit.getValue() < MIN_BAND_HITS) {
                continue;
            }
            Entry candidate = entry(hit.getKey());
            if (candidate == null || candidate.sequence() >= sequence || candidate.root().equals(storyId)
                    || Math.abs(candidate.eventTime() - eventTime) > windowMs) {
                continue;
            }
            double similarity = MinHash.similarity(signature, candidate.signature());
            if (similarity >= threshold && (best == null || candidate.sequence() < best.sequence())) {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return best == null ? Decision.ORIGINAL : new Decision(best.root(), bestSimilarity);
    }

    private void add(String storyId, Entry entry) {
        store.put(storyKey(storyId), encode(entry));
        store.put(sequenceKey(entry.sequence()), storyId.getBytes(StandardCharsets.UTF_8));
        for (int band = 0; band < MinHash.BANDS; band++) {
            String key = bandKey(band, MinHash.bandHash(entry.signature(), band));
            List<String> ids = ids(key);
            ids.add(storyId);
            store.put(key, encodeIds(ids.size() > MAX_PER_BAND ? ids.subList(ids.size() - MAX_PER_BAND, ids.size())
                    : ids));
        }
        write(NEXT, entry.sequence() + 1);
        write(NEWEST, Math.max(read(NEWEST, Long.MIN_VALUE), entry.eventTime()));
    }

    /** Drops the oldest entries while there are too many or the oldest is out of the window. */
    private void evict() {
        long head = read(HEAD, 0);
        long next = read(NEXT, 0);
        long newest = read(NEWEST, Long.MIN_VALUE);
        while (head < next) {
            byte[] idBytes = store.get(sequenceKey(head));
            String id = idBytes == null ? null : new String(idBytes, StandardCharsets.UTF_8);
            Entry oldest = id == null ? null : entry(id);
            boolean stale = oldest == null || oldest.sequence() != head;
            if (!stale && next - head <= maxStories && oldest.eventTime() >= newest - windowMs) {
                break;
            }
            if (!stale) {
                remove(id, oldest);
            }
            store.delete(sequenceKey(head));
            head++;
        }
        write(HEAD, head);
    }

    private void remove(String storyId, Entry entry) {
        store.delete(storyKey(storyId));
        for (int band = 0; band < MinHash.BANDS; band++) {
            String key = bandKey(band, MinHash.bandHash(entry.signature(), band));
            List<String> ids = ids(key);
            if (ids.remove(storyId)) {
                if (ids.isEmpty()) {
                    store.delete(key);
                } else {
                    store.put(key, encodeIds(ids));
                }
            }
        }
    }

    /** How many stories the index holds. */
    public long size() {
        return read(NEXT, 0) - read(HEAD, 0);
    }

    private Entry entry(String storyId) {
        byte[] bytes = store.get(storyKey(storyId));
        return bytes == null ? null : decode(bytes);
    }

    private List<String> ids(String bandKey) {
        byte[] bytes = store.get(bandKey);
        return bytes == null ? new ArrayList<>() : decodeIds(bytes);
    }

    private long read(String key, long absent) {
        byte[] bytes = store.get(key);
        return bytes == null ? absent : ByteBuffer.wrap(bytes).getLong();
    }

    private void write(String key, long value) {
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static String storyKey(String storyId) {
        return "s:" + storyId;
    }

    private static String sequenceKey(long sequence) {
        String digits = Long.toString(sequence);
        return "q:" + "0".repeat(19 - digits.length()) + digits;
    }

    private static String bandKey(int band, long hash) {
        String hex = Long.toHexString(hash);
        return (band < 10 ? "b:0" : "b:") + band + ":" + "0".repeat(16 - hex.length()) + hex;
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

    private static byte[] encodeIds(List<String> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(ids.size());
            for (String id : ids) {
                out.writeUTF(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> decodeIds(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkFormat(in.readByte());
            int count = in.readInt();
            List<String> ids = new ArrayList<>(count + 1);
            for (int i = 0; i < count; i++) {
                ids.add(in.readUTF());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt near-duplicate band entry", e);
        }
    }

    private static void checkFormat(byte format) {
        if (format != FORMAT) {
            throw new IllegalStateException("Near-duplicate index entry in format " + format + ", this version reads "
                    + FORMAT + ": reset the enrich application's state (see enrich/README.md, Replay)");
        }
    }
}
