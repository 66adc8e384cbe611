package io.wirewatch.testkit;

/** A running Kafka broker that integration tests talk to. */
public interface KafkaBackend extends AutoCloseable {

    /** {@code bootstrap.servers} of the broker. */
    String bootstrapServers();

    /** {@code embedded} or {@code testcontainers}, for messages and skips. */
    String name();

    @Override
    void close();
}
