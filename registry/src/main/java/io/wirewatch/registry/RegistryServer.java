package io.wirewatch.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.platform.http.Health;
import io.wirewatch.platform.http.Metrics;
import io.wirewatch.platform.http.ServiceHttpServer;
import io.wirewatch.registry.api.RegistryApi;
import io.wirewatch.registry.store.KafkaSchemaStore;
import io.wirewatch.registry.store.StoreTopic;
import io.wirewatch.serde.SchemaRegistryState;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Confluent-compatible schema registry: the store topic read into memory, the REST API, health and
 * Prometheus metrics on one HTTP port. Start it with {@link #start(RegistryConfig)} (in-process, for tests and the
 * local mode) or with {@code wirewatch registry}.
 *
 * <pre>{@code
 * try (RegistryServer registry = RegistryServer.start(new RegistryConfig(Map.of(
 *         "bootstrap.servers", bootstrap, "http.port", "0")))) {
 *     String url = registry.url();   // schema.registry.url for clients
 * }
 * }</pre>
 */
public final class RegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
    private static final String SERVICE = "registry";

    private final RegistryConfig config;
    private final KafkaSchemaStore store;
    private final ServiceHttpServer http;
    private final PrometheusMeterRegistry metrics;
    private final Health health;

    private RegistryServer(RegistryConfig config, KafkaSchemaStore store, ServiceHttpServer http,
                           PrometheusMeterRegistry metrics, Health health) {
        this.config = config;
        this.store = store;
        this.http = http;
        this.metrics = metrics;
        this.health = health;
    }

    /**
     * Starts the registry and returns once it has read its store topic to the end (so its first answers are
     * complete). Creates the store topic when missing and {@code topics.provision=true}.
     *
     * @throws IllegalStateException saying what to fix: Kafka unreachable, store topic unfit (not compacted, several
     *     partitions), port taken, store not read within {@code registry.init.timeout.ms}
     */
    public static RegistryServer start(RegistryConfig config) {
        Health health = new Health();
        PrometheusMeterRegistry metrics = Metrics.newRegistry(SERVICE, config.instanceId());
        SchemaRegistryState state = new SchemaRegistryState(config.defaultCompatibility());
        try (Admin admin = Admin.create(config.adminConfig())) {
            StoreTopic.ensure(admin, config.topic(), config.replicationFactor(), config.provisionTopics(),
                    config.bootstrapServers(), config.storeTimeout().plusSeconds(20));
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        KafkaSchemaStore store;
        try {
            store = KafkaSchemaStore.open(config.topic(), config.transactionalId(), state, config.producerConfig(),
                    config.consumerConfig("wirewatch-registry-reader"), config.storeTimeout(), health::markFatal);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        ServiceHttpServer http;
        try {
            health.addReadinessCheck("store", () -> storeCheck(store, state));
            bindMeters(metrics, store, state);
            RegistryApi api = new RegistryApi(state, store, config.users(), config.authRealm(), metrics);
            http = ServiceHttpServer.start(SERVICE, config.httpHost(), config.httpPort(), health, metrics,
                    api::addTo, config.maxRequestBytes());
        } catch (RuntimeException e) {
            store.close(Duration.ofSeconds(5));
            metrics.close();
            throw e;
        }
        RegistryServer server = new RegistryServer(config, store, http, metrics, health);
        if (!store.awaitCaughtUp(config.initTimeout())) {
            String message = store.notReadyMessage() + ": not read to its end within "
                    + config.initTimeout().toMillis() + " ms (" + RegistryConfig.INIT_TIMEOUT_MS + ")"
                    + store.readerError().map(e -> "; last error: " + e).orElse("");
            server.close(Duration.ofSeconds(5));
            throw new IllegalStateException(message);
        }
        LOG.info("Schema registry ready at {} (store topic {}, {} subjects, highest id {}, auth {})", server.url(),
                config.topic(), state.subjectCount(), state.maxId(), config.users().isEmpty() ? "off" : "basic");
        return server;
    }

    private static Health.Check storeCheck(KafkaSchemaStore store, SchemaRegistryState state) {
        if (store.fencedReason().isPresent()) {
            return Health.Check.down(store.fencedReason().get());
        }
        if (!store.caughtUp()) {
            return Health.Check.down(store.notReadyMessage());
        }
        if (store.readerError().isPresent()) {
            return Health.Check.down("cannot read store topic " + store.topic() + ": " + store.readerError().get());
        }
        return Health.Check.up("store topic " + store.topic() + " read to offset " + store.position() + "; "
                + state.subjectCount() + " subjects, highest id " + state.maxId());
    }

    private static void bindMeters(PrometheusMeterRegistry metrics, KafkaSchemaStore store,
                                   SchemaRegistryState state) {
        Gauge.builder("registry.subjects", state, SchemaRegistryState::subjectCount)
                .description("Subjects with at least one version, soft-deleted included").register(metrics);
        Gauge.builder("registry.schema.id.max", state, SchemaRegistryState::maxId)
                .description("Highest schema id given out").register(metrics);
        Gauge.builder("registry.store.position", store, KafkaSchemaStore::position)
                .description("Next offset of the store topic the registry reads").register(metrics);
        Gauge.builder("registry.store.unreadable.records", store, KafkaSchemaStore::unreadableRecords)
                .description("Store records the registry could not decode and skipped").register(metrics);
        Gauge.builder("registry.store.writable", store, s -> s.fencedReason().isPresent() ? 0 : 1)
                .description("1 while this instance owns writes to the store topic, 0 once fenced").register(metrics);
    }

    /** Base URL of the REST API, e.g. {@code http://127.0.0.1:8081}: the {@code schema.registry.url} of clients. */
    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    public RegistryConfig config() {
        return config;
    }

    /** Liveness and readiness, as {@code /health/live} and {@code /health/ready} report them. */
    public Health health() {
        return health;
    }

    /** True while this instance may write (no newer instance fenced it). */
    public boolean writable() {
        return store.fencedReason().isEmpty();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Stops answering, then closes the store (its producer and reader). */
    public void close(Duration timeout) {
        try {
            http.close();
        } finally {
            try {
                store.close(timeout);
            } finally {
                metrics.close();
            }
        }
    }
}
