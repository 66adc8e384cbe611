package io.wirewatch.enrich.trends;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.EnrichedStory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;

/**
 * One story counting towards one trend: keyed {@code <topic>|<A+B>}, carrying a 64-bit hash of the story id (so a
 * story replayed into the same window counts once) and the taxonomy version that tagged it.
 */
public record TrendHit(long storyHash, String taxonomyVersion) {

    private static final byte FORMAT = 1;

    /** The trend hits of a story: one per distinct (topic, parties) among its cooperations. */
    public static List<KeyValue<String, TrendHit>> of(EnrichedStory story) {
        Set<String> keys = new LinkedHashSet<>();
        for (Cooperation cooperation : story.getCooperations()) {
            String parties = TrendKeys.parties(cooperation.getParties());
            for (String topic : cooperation.getTopics()) {
                keys.add(topic + TrendKeys.SEPARATOR + parties);
            }
        }
        TrendHit hit = new TrendHit(storyHash(story.getStory().getId()), story.getTaxonomyVersion());
        List<KeyValue<String, TrendHit>> hits = new ArrayList<>(keys.size());
        keys.forEach(key -> hits.add(KeyValue.pair(key, hit)));
        return hits;
    }

    /** A 64-bit FNV-1a hash of a story id, mixed. */
    static long storyHash(String storyId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : storyId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        return hash ^ (hash >>> 33);
    }

    /** Serde for the trend repartition topic (internal to the application). */
    public static Serde<TrendHit> serde() {
        Serializer<TrendHit> serializer = (topic, hit) -> {
            if (hit == null) {
                return null;
            }
            byte[] version = hit.taxonomyVersion().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + Long.BYTES + version.length).put(FORMAT).putLong(hit.storyHash())
                    .put(version).array();
        };
        Deserializer<TrendHit> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (bytes.length < 1 + Long.BYTES || buffer.get() != FORMAT) {
                throw new SerializationException("Not a trend hit of format " + FORMAT + " in topic " + topic);
            }
            long hash = buffer.getLong();
            return new TrendHit(hash, new String(bytes, buffer.position(), buffer.remaining(),
                    StandardCharsets.UTF_8));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
