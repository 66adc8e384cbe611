package io.wirewatch.cli.local;

import io.wirewatch.embedded.EmbeddedKafka;
import io.wirewatch.embedded.EmbeddedPostgresServer;
import io.wirewatch.embedded.FreePorts;
import io.wirewatch.registry.RegistryConfig;
import io.wirewatch.registry.RegistryServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The infrastructure of the local mode, all real and all in this JVM: an Apache Kafka broker (KRaft), the project's
 * Confluent-compatible schema registry, and PostgreSQL. Closed in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final RegistryServer registry;
    private final EmbeddedPostgresServer postgres;

    private LocalStack(EmbeddedKafka kafka, RegistryServer registry, EmbeddedPostgresServer postgres) {
        this.kafka = kafka;
        this.registry = registry;
        this.postgres = postgres;
    }

    /**
     * Starts the stack.
     *
     * @param kafkaPort client port of the broker; 0 for any free port
     * @param registryPort HTTP port of the registry; 0 for any free port
     * @throws PortTakenException when a fixed port is taken, naming the flag that changes it
     */
    public static LocalStack start(int kafkaPort, int registryPort) {
        requireFree(kafkaPort, "Kafka", "--kafka-port");
        requireFree(registryPort, "schema registry", "--registry-port");
        EmbeddedKafka kafka = EmbeddedKafka.builder().port(kafkaPort).start();
        RegistryServer registry = null;
        try {
            registry = RegistryServer.start(new RegistryConfig(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "http.host", "127.0.0.1",
                    "http.port", String.valueOf(registryPort),
                    "instance.id", "local-registry")));
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
            return new LocalStack(kafka, registry, postgres);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    private static void requireFree(int port, String what, String flag) {
        if (port != 0 && !FreePorts.isFree(port)) {
            throw new PortTakenException("Port " + port + " for the " + what + " is already in use on 127.0.0.1 "
                    + "(another broker or registry running?). Choose another with " + flag + " PORT, or "
                    + flag + " 0 for any free port.");
        }
    }

    /** A fixed port of the local mode is taken. */
    public static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String jdbcUser() {
        return postgres.user();
    }

    public String jdbcPassword() {
        return postgres.password();
    }

    /** The settings every service of the local mode shares. */
    public Map<String, String> commonSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers());
        settings.put("schema.registry.url", registryUrl());
        settings.put("topics.partitions", "3");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        return settings;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            try {
                registry.close();
            } finally {
                kafka.close();
            }
        }
    }
}
