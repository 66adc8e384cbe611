package io.wirewatch.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), running in this JVM.
 * Listens on 127.0.0.1 only, on free ports unless told otherwise, with its data in a fresh temp directory that
 * {@link #close()} deletes. For tests and the local mode; never for production.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int BIND_ATTEMPTS = 8;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private volatile boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port, int controllerPort, String clusterId) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and deletes its data. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka at {} did not shut down cleanly: {}", bootstrapServers(), e.toString());
        } finally {
            Directories.deleteQuietly(dataDir);
        }
    }

    /** Builds and starts an {@link EmbeddedKafka}. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Client port; 0 (the default) picks a free one. A taken fixed port fails with a clear message. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Overrides one broker setting, e.g. {@code log.retention.ms}. */
        public Builder brokerConfig(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Formats storage, starts the broker and waits until it answers {@code describeCluster}. Free ports that are
         * taken between choosing and binding are chosen again.
         *
         * @throws IllegalStateException when a fixed port is taken or the broker does not come up
         */
        public EmbeddedKafka start() {
            RuntimeException last = null;
            for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
                int p = port != 0 ? port : FreePorts.next();
                int c = controllerPort != 0 ? controllerPort : FreePorts.next();
                if (p == c) {
                    continue;
                }
                if (port != 0 && !FreePorts.isFree(port)) {
                    throw new IllegalStateException("Kafka port " + port + " on 127.0.0.1 is already in use; "
                            + "choose another port, or 0 for any free port");
                }
                try {
                    return startOnce(p, c);
                } catch (RuntimeException e) {
                    if (!FreePorts.isBindFailure(e) || (port != 0 && controllerPort != 0)) {
                        throw e;
                    }
                    LOG.info("Port {} or {} was taken while starting embedded Kafka; retrying ({}/{})", p, c,
                            attempt, BIND_ATTEMPTS);
                    last = e;
                }
            }
            throw new IllegalStateException("Could not bind embedded Kafka to free ports after " + BIND_ATTEMPTS
                    + " attempts", last);
        }

        private EmbeddedKafka startOnce(int p, int c) {
            Path dir;
            try {
                dir = Files.createTempDirectory("wirewatch-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a data directory for embedded Kafka", e);
            }
            String clusterId = Uuid.randomUuid().toString();
            KafkaRaftServer server = null;
            try {
                Properties props = brokerProperties(dir, p, c);
                format(dir, props, clusterId);
                server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                server.startup();
                EmbeddedKafka kafka = new EmbeddedKafka(server, dir, p, c, clusterId);
                awaitReady(kafka.bootstrapServers(), startTimeout);
                LOG.info("Embedded Kafka {} started at {} (data in {})", clusterId, kafka.bootstrapServers(), dir);
                return kafka;
            } catch (RuntimeException e) {
                shutdownQuietly(server);
                Directories.deleteQuietly(dir);
                throw e;
            }
        }

        private Properties brokerProperties(Path dir, int p, int c) {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + c);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + p + ",CONTROLLER://127.0.0.1:" + c);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + p);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dir.resolve("logs").toString());
            props.put("metadata.log.dir", dir.resolve("metadata").toString());
            // a single node: every internal topic with one replica, or exactly-once Streams hangs in REBALANCING
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("min.insync.replicas", "1");
            props.put("default.replication.factor", "1");
            props.put("num.partitions", "1");
            props.put("auto.create.topics.enable", "false");
            props.put("group.initial.rebalance.delay.ms", "0");
            // the 128 MiB default would sit on the heap of whoever embeds the broker
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
            props.put("log.cleaner.threads", "1");
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "4");
            props.put("background.threads", "2");
            props.put("log.flush.scheduler.interval.ms", String.valueOf(Long.MAX_VALUE));
            props.putAll(overrides);
            return props;
        }

        private static void format(Path dir, Properties props, String clusterId) {
            Path propsFile = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                props.store(out, "wirewatch embedded Kafka");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + propsFile, e);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code;
            try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()},
                        printStream);
            } catch (Exception e) {
                throw new IllegalStateException("Formatting embedded Kafka storage in " + dir + " failed: "
                        + output.toString(StandardCharsets.UTF_8), e);
            }
            if (code != 0) {
                throw new IllegalStateException("Formatting embedded Kafka storage in " + dir + " failed with exit "
                        + code + ": " + output.toString(StandardCharsets.UTF_8));
            }
        }

        private static void awaitReady(String bootstrap, Duration timeout) {
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Admin admin = Admin.create(config)) {
                while (true) {
                    try {
                        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                            return;
                        }
                    } catch (ExecutionException | TimeoutException e) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("Embedded Kafka at " + bootstrap + " did not answer within "
                                    + timeout.toSeconds() + " s", e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for embedded Kafka at " + bootstrap, e);
            }
        }

        private static void shutdownQuietly(KafkaRaftServer server) {
            if (server == null) {
                return;
            }
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.debug("Half-started embedded Kafka did not shut down cleanly", e);
            }
        }
    }
}
