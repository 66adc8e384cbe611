package io.wirewatch.enrich.dedup;

/**
 * The LSH band buckets of the near-duplicate index, in memory: for each band hash, the stories that share it, newest
 * first, at most {@link NearDuplicateIndex#MAX_PER_BAND}. Stories are named by their arrival sequence number
 * truncated to an int (unique among the stories the index holds, which span far fewer than 2^32 numbers); a bucket
 * is a singly linked list through {@link Links}, from its newest story to its oldest.
 *
 * <p>Open addressing with linear probing and backward-shift deletion: 13 bytes per slot, at most 3/4 of the slots
 * used, so about 280 bytes per indexed story (16 bands). Not thread-safe.
 */
final class BandTable {

    private static final int MIN_CAPACITY = 64;
    private static final long EMPTY_COUNT = 0;

    private long[] keys;
    private int[] heads;
    private byte[] counts;
    private int size;

    /** Per story and band, the next older story of the same bucket. */
    interface Links {
        int next(int sequence, int band);

        void setNext(int sequence, int band, int older);
    }

    BandTable() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        heads = new int[capacity];
        counts = new byte[capacity];
    }

    /** Buckets in use. */
    int size() {
        return size;
    }

    /**
     * Adds the story as the newest of the bucket; drops the bucket's oldest story when it then holds more than
     * {@code maxPerBucket}.
     */
    void add(long bandHash, int band, int sequence, Links links, int maxPerBucket) {
        int slot = find(bandHash);
        if (counts[slot] == EMPTY_COUNT) {
            keys[slot] = bandHash;
            heads[slot] = sequence;
            counts[slot] = 1;
            if (++size > keys.length - (keys.length >> 2)) {
                grow();
            }
            return;
        }
        links.setNext(sequence, band, heads[slot]);
        heads[slot] = sequence;
        if (counts[slot] < maxPerBucket) {
            counts[slot]++;
        }
        // else: the bucket keeps its count; its oldest story is no longer reachable (the list is read count long)
    }

    /**
     * Removes the story from the bucket if it is the bucket's oldest (the index evicts in arrival order, so an
     * evicted story is either its buckets' oldest or was dropped from them already).
     */
    void removeOldest(long bandHash, int band, int sequence, Links links) {
        int slot = find(bandHash);
        int count = counts[slot];
        if (count == EMPTY_COUNT) {
            return;
        }
        int oldest = heads[slot];
        for (int i = 1; i < count; i++) {
            oldest = links.next(oldest, band);
        }
        if (oldest != sequence) {
            return;
        }
        if (count == 1) {
            delete(slot);
        } else {
            counts[slot] = (byte) (count - 1);
        }
    }

    /**
     * Writes the bucket's stories, newest first, into {@code into} from {@code offset}; returns the new offset.
     * {@code into} must have room for {@link NearDuplicateIndex#MAX_PER_BAND} more.
     */
    int read(long bandHash, int band, Links links, int[] into, int offset) {
        int slot = find(bandHash);
        int count = counts[slot];
        int sequence = heads[slot];
        for (int i = 0; i < count; i++) {
            into[offset++] = sequence;
            if (i + 1 < count) {
                sequence = links.next(sequence, band);
            }
        }
        return offset;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int find(long key) {
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (counts[slot] != EMPTY_COUNT && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Backward-shift deletion: later keys of the probe run move up, so lookups never meet a hole too early. */
    private void delete(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (counts[next] != EMPTY_COUNT) {
            int home = spread(keys[next]) & mask;
            // move keys[next] into the hole unless its home lies cyclically in (hole, next]
            boolean stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!stays) {
                keys[hole] = keys[next];
                heads[hole] = heads[next];
                counts[hole] = counts[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        counts[hole] = (byte) EMPTY_COUNT;
        keys[hole] = 0;
        heads[hole] = 0;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        byte[] oldCounts = counts;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != EMPTY_COUNT) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** Drops every bucket. */
    void clear() {
        allocate(MIN_CAPACITY);
        size = 0;
    }

    @Override
    public String toString() {
        return "BandTable[" + size + " buckets in " + keys.length + " slots]";
    }
}
