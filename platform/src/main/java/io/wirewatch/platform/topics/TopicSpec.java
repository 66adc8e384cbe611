package io.wirewatch.platform.topics;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How a topic must look: name, partitions, replication and the topic configs wirewatch cares about
 * (retention, cleanup policy, timestamp type). Immutable.
 *
 * @param replicationFactor -1 for the broker's default
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(new TreeMap<>(configs));
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions),
                replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                .configs(configs);
    }
}
