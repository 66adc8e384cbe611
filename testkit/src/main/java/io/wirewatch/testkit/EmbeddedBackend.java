package io.wirewatch.testkit;

import io.wirewatch.embedded.EmbeddedKafka;

/** The in-process KRaft broker: what runs on machines without Docker. */
final class EmbeddedBackend implements KafkaBackend {

    private final EmbeddedKafka kafka;

    EmbeddedBackend() {
        this.kafka = EmbeddedKafka.builder().start();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public void close() {
        kafka.close();
    }
}
