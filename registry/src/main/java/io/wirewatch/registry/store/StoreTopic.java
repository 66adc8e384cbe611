package io.wirewatch.registry.store;

import io.wirewatch.platform.topics.TopicReadiness;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the store topic exists as the registry needs it: one partition (a total order of writes) and
 * {@code cleanup.policy=compact} (retention would delete old schemas that data still refers to). Creates it when
 * missing and allowed; refuses, with what to do, when an existing topic is unfit.
 */
public final class StoreTopic {

    private static final Logger LOG = LoggerFactory.getLogger(StoreTopic.class);

    private StoreTopic() {
    }

    /**
     * @param create create the topic when it is missing (else a missing topic is an error)
     * @return true when the topic was created now
     * @throws IllegalStateException naming the topic, what is wrong and how to fix it
     */
    public static boolean ensure(Admin admin, String topic, short replicationFactor, boolean create,
                                 String bootstrapServers, Duration timeout) {
        try {
            Optional<TopicDescription> description = describe(admin, topic, timeout);
            if (description.isEmpty()) {
                if (!create) {
                    throw new IllegalStateException("Store topic " + topic + " does not exist on " + bootstrapServers
                            + "; create it (1 partition, cleanup.policy=compact) or set topics.provision=true");
                }
                if (createTopic(admin, topic, replicationFactor, timeout)) {
                    TopicReadiness.awaitServed(admin, Map.of(topic, 1), timeout);
                    LOG.info("Created store topic {} (1 partition, cleanup.policy=compact)", topic);
                    return true;
                }
                description = describe(admin, topic, timeout);
            }
            verify(admin, topic, description.orElseThrow(), bootstrapServers, timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking store topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot check store topic " + topic + " on " + bootstrapServers + ": "
                    + cause + "; check bootstrap.servers and that the brokers are up", e);
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            Map<String, TopicDescription> found = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(found.get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean createTopic(Admin admin, String topic, short replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic spec = new NewTopic(topic, Optional.of(1),
                replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(spec)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private static void verify(Admin admin, String topic, TopicDescription description, String bootstrapServers,
                               Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new IllegalStateException("Store topic " + topic + " on " + bootstrapServers + " has " + partitions
                    + " partitions; the registry needs exactly 1 (a single order of writes). Point registry.topic "
                    + "at a new topic, or re-create " + topic + " with 1 partition and cleanup.policy=compact");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String policy = entry == null || entry.value() == null ? "delete" : entry.value();
        Set<String> policies = Arrays.stream(policy.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (!policies.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new IllegalStateException("Store topic " + topic + " on " + bootstrapServers + " has cleanup.policy="
                    + policy + "; the registry needs cleanup.policy=compact, or retention deletes schemas that "
                    + "stored data still refers to. Fix it with: kafka-configs.sh --bootstrap-server "
                    + bootstrapServers + " --alter --entity-type topics --entity-name " + topic
                    + " --add-config cleanup.policy=compact");
        }
    }
}
