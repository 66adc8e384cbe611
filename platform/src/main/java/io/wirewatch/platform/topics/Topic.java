package io.wirewatch.platform.topics;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its key and value serdes: declared once, passed wherever records are read or written
 * ({@code Consumed.with(topic.keySerde(), topic.valueSerde())}).
 */
public record Topic<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {

    public String name() {
        return spec.name();
    }
}
