package io.wirewatch.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.avro.Stage;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.ingest.parse.LanguageGuesser;
import io.wirewatch.ingest.parse.Parsers;
import io.wirewatch.ingest.publish.ProgressLog;
import io.wirewatch.ingest.publish.StoryPublisher;
import io.wirewatch.ingest.source.FeedPoller;
import io.wirewatch.ingest.source.FeedSpec;
import io.wirewatch.ingest.source.FileIngestor;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.ingest.source.HttpPushSource;
import io.wirewatch.ingest.source.Intake;
import io.wirewatch.ingest.source.SpoolSource;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.http.Health;
import io.wirewatch.platform.http.Metrics;
import io.wirewatch.platform.http.ServiceHttpServer;
import io.wirewatch.platform.progress.Progress;
import io.wirewatch.platform.runtime.ServiceRunner;
import io.wirewatch.platform.runtime.Version;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.platform.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service, usable in-process (the local mode runs it in the same JVM as the rest): reads stories from
 * the spool directory, {@code POST /stories} and RSS/Atom feeds, as configured, and hands them to Kafka exactly once
 * per input (see {@link StoryPublisher}, {@link FileIngestor}). {@link #start()} runs the sources until
 * {@link #close(Duration)}; {@link #runOnce(List, LongFunction)} ingests files and globs and returns.
 *
 * <pre>{@code
 * try (IngestService ingest = new IngestService(new IngestConfig(settings))) {
 *     ingest.start();
 *     ...
 * }
 * }</pre>
 */
public final class IngestService implements ServiceRunner.Service {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final String PROGRESS_GROUP = "wirewatch-ingest-progress";

    private final IngestConfig config;
    private final Health health = new Health();
    private final PrometheusMeterRegistry registry;
    private final IngestMetrics metrics;
    private final ContractSerdes serdes;
    private final PipelineTopics topics;
    private final StoryPublisher publisher;
    private final ProgressLog progressLog;
    private final Intake intake;
    private final FileIngestor fileIngestor;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final List<FeedSpec> feedSpecs;
    private volatile SpoolSource spool;
    private volatile FeedPoller feeds;
    private volatile ServiceHttpServer http;
    private volatile Throwable fatal;
    private boolean closed;

    public IngestService(IngestConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @throws org.apache.kafka.common.config.ConfigException naming a malformed setting */
    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.feedSpecs = config.feeds();
        this.registry = Metrics.newRegistry("ingest", config.instanceId());
        this.metrics = new IngestMetrics(registry);
        this.serdes = new ContractSerdes(config.serdeConfig());
        this.topics = new PipelineTopics(TopicCatalog.from(config), serdes);
        DeadLetters deadLetters = new DeadLetters(Stage.INGEST, config.instanceId(),
                config.deadLetterMaxOriginalBytes(), clock);
        Map<String, Object> producerConfig = config.transactionalProducerConfig();
        this.publisher = new StoryPublisher(
                () -> new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer()),
                topics.raw(), topics.deadLetter(), config.progressTopic(), deadLetters, config.maxRecordBytes(),
                config.publishBackoffMax(), metrics);
        Map<String, Object> consumerConfig = config.consumerConfig(PROGRESS_GROUP);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.progressLog = new ProgressLog(
                () -> new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                config.progressTopic());
        this.intake = new Intake(new Parsers(config.maxInputBytes()), deadLetters, metrics, clock,
                config.instanceId(), Version.get());
        this.fileIngestor = new FileIngestor(intake, publisher, config.jsonlBatchLines(),
                config.transactionMaxFiles(), config.transactionMaxBytes());
        health.addReadinessCheck("kafka", () -> publisher.lastError() == null
                ? Health.Check.up("publishing") : Health.Check.down(publisher.lastError()));
    }

    /**
     * Provisions topics, initializes the transactional producer (waiting for the broker), then starts the HTTP
     * server (health, metrics, {@code POST /stories}), the spool watcher and the feed poller as configured.
     *
     * @throws IllegalStateException naming the problem when the service cannot start
     */
    @Override
    public void start() {
        prepare();
        HttpPushSource push = new HttpPushSource(intake, publisher, metrics, config.httpToken(), config.httpSource(),
                config.httpMaxBodyBytes(), config.httpMaxConcurrent(), this::fatal);
        http = ServiceHttpServer.start("ingest", config.httpHost(), config.httpPort(), health, registry,
                push::routes, config.httpMaxBodyBytes() + 1024 * 1024);
        Path spoolDir = config.spoolDir();
        if (spoolDir != null) {
            spool = new SpoolSource(spoolDir, config.spoolSource(), config.spoolPoll(), fileIngestor, progressLog,
                    metrics, this::fatal);
            health.addReadinessCheck("spool", () -> spool.caughtUp() ? Health.Check.up("watching " + spoolDir)
                    : Health.Check.down("catching up with " + spoolDir));
            spool.start();
        }
        if (!feedSpecs.isEmpty()) {
            feeds = new FeedPoller(feedSpecs, intake, publisher, metrics, config.feedInterval(),
                    config.feedTimeout(), config.feedBackoffMax(), config.feedSeenMax(), this::fatal);
            feeds.start();
        }
        LOG.info("ingest started: spool {}, push {}, {} feed(s)", spoolDir == null ? "off" : spoolDir,
                config.httpToken() == null ? "off" : http.url() + "/stories", feedSpecs.size());
    }

    /**
     * Ingests files, directories and globs once (resumable: done files are skipped) and returns the summary.
     * Starts no HTTP server and no other source.
     */
    public FileSource.Summary runOnce(List<String> paths, LongFunction<Progress> progressFor)
            throws InterruptedException {
        prepare();
        return new FileSource(fileIngestor, progressLog, config.filesSource()).run(paths, progressFor);
    }

    private void prepare() {
        if (config.getBoolean(IngestConfig.TOPICS_PROVISION)) {
            List<TopicSpec> specs = new ArrayList<>(topics.catalog().all());
            specs.add(ProgressLog.spec(config.progressTopic(),
                    config.getShort(IngestConfig.TOPICS_REPLICATION_FACTOR)));
            try (Admin admin = Admin.create(config.adminConfig())) {
                new TopicProvisioner(admin, Duration.ofSeconds(60)).provision(specs);
            }
        }
        LanguageGuesser.load();
        try {
            publisher.init();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka to initialize transactions", e);
        }
    }

    private void fatal(Throwable failure) {
        fatal = failure;
        health.markFatal(failure.getMessage());
        terminated.countDown();
    }

    /** Blocks until a source hit a fatal error (then the runner stops the service). */
    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
        if (fatal != null) {
            throw new IllegalStateException("ingest stopped: " + fatal.getMessage(), fatal);
        }
    }

    /** Base URL of the HTTP server, e.g. {@code http://127.0.0.1:8091}; null before {@link #start()}. */
    public String url() {
        return http == null ? null : http.url();
    }

    public Health health() {
        return health;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** The spool source, or null when no spool is configured or before start. */
    public SpoolSource spool() {
        return spool;
    }

    /** The feed poller, or null when no feed is configured or before start. */
    public FeedPoller feeds() {
        return feeds;
    }

    /**
     * Stops accepting pushes, stops the sources after the input in hand, and closes the producer (flushing; an
     * uncommitted input is read again on the next start).
     */
    @Override
    public synchronized void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            http.close();
        }
        if (spool != null) {
            spool.close(timeout);
        }
        if (feeds != null) {
            feeds.close(timeout);
        }
        publisher.close(timeout);
        serdes.close();
        registry.close();
        terminated.countDown();
    }
}
