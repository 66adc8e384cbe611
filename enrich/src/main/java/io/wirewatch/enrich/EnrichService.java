package io.wirewatch.enrich;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.enrich.errors.DeadLetterRouter;
import io.wirewatch.enrich.errors.ThreadReplacementPolicy;
import io.wirewatch.enrich.topology.EnrichTopology;
import io.wirewatch.platform.http.Health;
import io.wirewatch.platform.http.Metrics;
import io.wirewatch.platform.http.ServiceHttpServer;
import io.wirewatch.platform.runtime.ServiceRunner;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.ProvisioningReport;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.tagger.Tagger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich service, programmatic: {@link #start()} provisions the topics (news.raw, news.enriched and one
 * news.enriched.&lt;topicId&gt; per taxonomy topic, news.trends, news.deadletter), builds the topology and runs it in
 * Kafka Streams, and serves health ({@code /health/ready} is up while Kafka Streams is RUNNING) and Prometheus
 * metrics ({@code /metrics}, with Kafka Streams' own metrics bound); {@link #close(Duration)} stops it gracefully,
 * committing what was processed. Runs in-process too (the local mode). The caller owns the tagger.
 */
public final class EnrichService implements ServiceRunner.Service {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final EnrichConfig config;
    private final Tagger tagger;
    private final List<String> topicIds;
    private final Clock clock;
    private final Health health = new Health();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private PrometheusMeterRegistry registry;
    private ContractSerdes serdes;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private ServiceHttpServer http;
    private Topology topology;
    private boolean closed;

    /** A service for the default taxonomy's topic ids, on the system clock. */
    public EnrichService(EnrichConfig config, Tagger tagger) {
        this(config, tagger, TopicCatalog.DEFAULT_TOPIC_IDS, Clock.systemUTC());
    }

    /**
     * @param topicIds the taxonomy's topic ids: one news.enriched.&lt;id&gt; topic and branch each
     */
    public EnrichService(EnrichConfig config, Tagger tagger, List<String> topicIds, Clock clock) {
        this.config = config;
        this.tagger = tagger;
        this.topicIds = List.copyOf(topicIds);
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("The enrich service was already started");
        }
        registry = Metrics.newRegistry("enrich", config.instanceId());
        EnrichMetrics metrics = new EnrichMetrics(registry);
        serdes = new ContractSerdes(config.serdeConfig());
        TopicCatalog catalog = TopicCatalog.from(config, topicIds);
        if (config.getBoolean(EnrichConfig.TOPICS_PROVISION)) {
            provision(catalog);
        }
        PipelineTopics topics = new PipelineTopics(catalog, serdes);
        topology = EnrichTopology.build(config, topics, tagger, clock, metrics);
        DeadLetterRouter router = new DeadLetterRouter(catalog.deadLetter().name(), serdes.deadLetter().serializer(),
                config.instanceId(), config.deadLetterMaxOriginalBytes(), metrics, clock);
        streams = new KafkaStreams(topology, router.addTo(config.streamsProperties()));
        streams.setUncaughtExceptionHandler(new ThreadReplacementPolicy(config.threadReplacementsMax(),
                config.threadReplacementsWindow(), clock, health::markFatal));
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                health.markFatal("Kafka Streams is in state ERROR; see the log for the cause");
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        health.addReadinessCheck("kafka-streams", this::streamsCheck);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        http = ServiceHttpServer.start("enrich", config.httpHost(), config.httpPort(), health, registry,
                routes -> routes.get("/topology", ctx -> ctx.contentType("text/plain; charset=utf-8")
                        .result(topology.describe().toString())));
        LOG.info("Starting enrich application '{}' (taxonomy {}, {}), reading {}", config.applicationId(),
                tagger.taxonomyVersion(), config.getString(EnrichConfig.PROCESSING_GUARANTEE), catalog.raw().name());
        streams.start();
    }

    private void provision(TopicCatalog catalog) {
        try (Admin admin = Admin.create(config.adminConfig())) {
            ProvisioningReport report = new TopicProvisioner(admin, ADMIN_TIMEOUT).provision(catalog.all());
            LOG.info("Topics: {}", report);
        }
    }

    private Health.Check streamsCheck() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Health.Check.up("RUNNING")
                : Health.Check.down("Kafka Streams is " + state + (state == KafkaStreams.State.REBALANCING
                        ? " (tasks are being assigned or restored)" : ""));
    }

    /** The Kafka Streams state, or null before {@link #start()}. */
    public KafkaStreams.State state() {
        return streams == null ? null : streams.state();
    }

    /** Base URL of the health and metrics server, e.g. {@code http://127.0.0.1:8092}. */
    public String httpUrl() {
        return http == null ? null : http.url();
    }

    public Health health() {
        return health;
    }

    /** The service's meters (null before start). */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** The running topology (null before start). */
    public Topology topology() {
        return topology;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops processing (committing what was processed), then the HTTP server and the meters. Idempotent. */
    @Override
    public synchronized void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        // leaving the group hands the partitions to the other instances (or a restarted one) at once, instead of
        // after the session timeout
        if (streams != null && !streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
            LOG.warn("Kafka Streams did not stop within {}; its tasks resume from their last commit on restart",
                    timeout);
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (http != null) {
            http.close();
        }
        if (serdes != null) {
            serdes.close();
        }
        if (registry != null) {
            registry.close();
        }
        stopped.countDown();
    }
}
