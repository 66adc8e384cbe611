package io.wirewatch.enrich.trends;

import io.wirewatch.avro.TrendCount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The distinct stories of one trend window (sorted hashes of their ids) and the taxonomy version of the latest one.
 * Counting distinct ids makes the count safe against replays: a story enriched again lands on the same hash.
 * Immutable.
 */
public record TrendAggregate(long[] storyHashes, String taxonomyVersion) {

    private static final byte FORMAT = 1;

    public static TrendAggregate empty() {
        return new TrendAggregate(new long[0], "");
    }

    public long count() {
        return storyHashes.length;
    }

    /** This aggregate with the hit's story counted (once) and its taxonomy version. */
    public TrendAggregate add(TrendHit hit) {
        int at = Arrays.binarySearch(storyHashes, hit.storyHash());
        if (at >= 0) {
            return new TrendAggregate(storyHashes, hit.taxonomyVersion());
        }
        int insert = -at - 1;
        long[] hashes = new long[storyHashes.length + 1];
        System.arraycopy(storyHashes, 0, hashes, 0, insert);
        hashes[insert] = hit.storyHash();
        System.arraycopy(storyHashes, insert, hashes, insert + 1, storyHashes.length - insert);
        return new TrendAggregate(hashes, hit.taxonomyVersion());
    }

    /** The news.trends record of this aggregate for the window and grouping key {@code <topic>|<A+B>}. */
    public TrendCount toTrendCount(Instant windowStart, Instant windowEnd, String topicAndParties) {
        int split = topicAndParties.indexOf(TrendKeys.SEPARATOR);
        String topic = topicAndParties.substring(0, split);
        String parties = topicAndParties.substring(split + 1);
        return TrendCount.newBuilder()
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setTopic(topic)
                .setParties(parties.isEmpty() ? List.of() : List.of(parties.split("\\+")))
                .setCount(count())
                .setTaxonomyVersion(taxonomyVersion)
                .build();
    }

    /** Serde for the trend window store and its changelog (internal to the application). */
    public static Serde<TrendAggregate> serde() {
        Serializer<TrendAggregate> serializer = (topic, aggregate) -> {
            if (aggregate == null) {
                return null;
            }
            byte[] version = aggregate.taxonomyVersion().getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.allocate(1 + Integer.BYTES + version.length + Integer.BYTES
                    + Long.BYTES * aggregate.storyHashes().length);
            buffer.put(FORMAT).putInt(version.length).put(version).putInt(aggregate.storyHashes().length);
            for (long hash : aggregate.storyHashes()) {
                buffer.putLong(hash);
            }
            return buffer.array();
        };
        Deserializer<TrendAggregate> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                if (buffer.get() != FORMAT) {
                    throw new SerializationException("Not a trend aggregate of format " + FORMAT + " in " + topic);
                }
                byte[] version = new byte[buffer.getInt()];
                buffer.get(version);
                long[] hashes = new long[buffer.getInt()];
                for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = buffer.getLong();
                }
                return new TrendAggregate(hashes, new String(version, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new SerializationException("Corrupt trend aggregate in " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
