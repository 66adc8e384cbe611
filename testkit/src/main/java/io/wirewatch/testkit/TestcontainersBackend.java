package io.wirewatch.testkit;

import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The official {@code apache/kafka} image under Testcontainers, with a network alias so other containers (the
 * Confluent schema registry) reach it at {@code kafka:19092}.
 */
final class TestcontainersBackend implements KafkaBackend {

    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
    static final String NETWORK_BOOTSTRAP = "kafka:19092";

    private final Network network;
    private final KafkaContainer kafka;

    TestcontainersBackend() {
        this.network = Network.newNetwork();
        this.kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withListener(NETWORK_BOOTSTRAP)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        this.kafka.start();
    }

    Network network() {
        return network;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public void close() {
        kafka.stop();
        network.close();
    }
}
