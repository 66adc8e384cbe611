package io.wirewatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucket table against a plain map of lists, through growth, collisions and deletions. */
class BandTableTest {

    private static final int BAND = 0;
    private static final int CAP = 4;

    /** Links of one band, by sequence number. */
    private static final class Links implements BandTable.Links {
        private final Map<Integer, Integer> next = new HashMap<>();

        @Override
        public int next(int sequence, int band) {
            return next.get(sequence);
        }

        @Override
        public void setNext(int sequence, int band, int older) {
            next.put(sequence, older);
        }
    }

    @Test
    void bucketsReadAsAMapOfNewestFirstListsThroughGrowthAndDeletions() {
        Random random = new Random(11);
        BandTable table = new BandTable();
        Links links = new Links();
        Map<Long, Deque<Integer>> model = new HashMap<>();
        Deque<long[]> arrivals = new ArrayDeque<>();
        long[] keys = new long[3000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        int sequence = 0;
        for (int step = 0; step < 60_000; step++) {
            if (arrivals.size() < 5000 && (random.nextInt(3) > 0 || arrivals.isEmpty())) {
                long key = keys[random.nextInt(step < 30_000 ? keys.length : 40)];
                table.add(key, BAND, sequence, links, CAP);
                Deque<Integer> bucket = model.computeIfAbsent(key, k -> new ArrayDeque<>());
                bucket.addFirst(sequence);
                if (bucket.size() > CAP) {
                    bucket.removeLast();
                }
                arrivals.addLast(new long[] {key, sequence});
                sequence++;
            } else {
                long[] oldest = arrivals.removeFirst();
                table.removeOldest(oldest[0], BAND, (int) oldest[1], links);
                Deque<Integer> bucket = model.get(oldest[0]);
                if (bucket != null && bucket.peekLast() == oldest[1]) {
                    bucket.removeLast();
                    if (bucket.isEmpty()) {
                        model.remove(oldest[0]);
                    }
                }
            }
            if (step % 997 == 0) {
                assertSame(table, links, model, keys);
            }
        }
        assertSame(table, links, model, keys);
    }

    private static void assertSame(BandTable table, Links links, Map<Long, Deque<Integer>> model, long[] keys) {
        assertThat(table.size()).isEqualTo(model.size());
        for (long key : keys) {
            int[] read = new int[CAP];
            int count = table.read(key, BAND, links, read, 0);
            List<Integer> expected = new ArrayList<>(model.getOrDefault(key, new ArrayDeque<>()));
            assertThat(Arrays.stream(read, 0, count).boxed().toList()).as("bucket %d", key).isEqualTo(expected);
        }
    }
}
