package io.wirewatch.sink;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Stage;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.http.Health;
import io.wirewatch.platform.http.Metrics;
import io.wirewatch.platform.http.ServiceHttpServer;
import io.wirewatch.platform.runtime.ServiceRunner;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.sink.pipeline.DeadLetterPublisher;
import io.wirewatch.sink.pipeline.RecordSink;
import io.wirewatch.sink.pipeline.SinkLoop;
import io.wirewatch.sink.pipeline.StoryDecoder;
import io.wirewatch.sink.pipeline.StoryValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink service, usable in-process (the local mode runs it next to the other services) and from
 * {@link SinkCommand}: {@link #start()} provisions the topics, opens the sinks (PostgreSQL migrated), starts the
 * consumer loop on its own thread and serves {@code /health/*} and {@code /metrics}; {@link #close(Duration)} stops
 * the loop in order (every sink flushed, offsets committed) and releases everything.
 */
public final class SinkService implements ServiceRunner.Service {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

    private final SinkConfig config;
    private final SinkFactory sinkFactory;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch crashed = new CountDownLatch(1);

    private PrometheusMeterRegistry metrics;
    private Health health;
    private List<RecordSink> sinks = List.of();
    private KafkaConsumer<byte[], byte[]> consumer;
    private SinkLoop loop;
    private Thread loopThread;
    private ServiceHttpServer http;
    private boolean started;
    private boolean closed;

    /** The service with the sinks {@code sink.sinks} enables. */
    public SinkService(SinkConfig config) {
        this(config, Sinks::fromConfig);
    }

    /** The service with sinks from {@code sinkFactory} (tests, or a local mode that brings its own). */
    public SinkService(SinkConfig config, SinkFactory sinkFactory) {
        this.config = config;
        this.sinkFactory = sinkFactory;
    }

    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The sink service was started already");
        }
        started = true;
        try {
            metrics = Metrics.newRegistry("sink", config.instanceId());
            resources.add(metrics::close);
            health = new Health();
            ContractSerdes serdes = new ContractSerdes(config.serdeConfig());
            resources.add(serdes);
            PipelineTopics topics = new PipelineTopics(TopicCatalog.from(config), serdes);
            if (config.getBoolean(SinkConfig.TOPICS_PROVISION)) {
                provision(topics);
            }
            sinks = sinkFactory.create(config, metrics);
            KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(config.producerConfig(),
                    topics.deadLetter().keySerde().serializer(), topics.deadLetter().valueSerde().serializer());
            resources.add(() -> producer.close(config.shutdownTimeout()));
            consumer = new KafkaConsumer<>(config.sinkConsumerConfig(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer);
            consumerMetrics.bindTo(metrics);
            resources.add(consumerMetrics);
            DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, topics.deadLetter().name(),
                    new DeadLetters(Stage.SINK, config.instanceId(), config.deadLetterMaxOriginalBytes(),
                            Clock.systemUTC()));
            StoryDecoder decoder = new StoryDecoder(topics.enriched().valueSerde().deserializer(),
                    new StoryValidator());
            loop = new SinkLoop(consumer, topics.enriched().name(), decoder, sinks, deadLetters,
                    config.loopSettings(), metrics, System::currentTimeMillis);
            addHealthChecks();
            http = ServiceHttpServer.start("sink", config.httpHost(), config.httpPort(), health, metrics, null);
            loopThread = new Thread(this::runLoop, "wirewatch-sink-loop");
            loopThread.start();
            LOG.info("Sink consuming {} as group {} into {}", topics.enriched().name(), config.groupId(),
                    sinks.stream().map(RecordSink::name).toList());
        } catch (RuntimeException e) {
            releaseResources();
            throw e;
        }
    }

    private void provision(PipelineTopics topics) {
        try (Admin admin = Admin.create(config.adminConfig())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30))
                    .provision(List.of(topics.enriched().spec(), topics.deadLetter().spec()));
        }
    }

    private void addHealthChecks() {
        health.addReadinessCheck("consumer", loop::consumerCheck);
        for (RecordSink sink : sinks) {
            health.addReadinessCheck("sink." + sink.name(), () -> loop.componentCheck(sink.name(), sink.check()));
        }
        health.addReadinessCheck("registry", () -> loop.componentCheck("registry", Health.Check.up("ok")));
        health.addReadinessCheck("deadletter", () -> loop.componentCheck("deadletter", Health.Check.up("ok")));
    }

    private void runLoop() {
        loop.run();
        if (loop.state() == SinkLoop.State.CRASHED) {
            health.markFatal("sink loop stopped: " + loop.fatalError());
            crashed.countDown();
        }
    }

    /** Blocks until the loop stopped by itself on a fatal error; an orderly {@link #close} never ends this wait. */
    @Override
    public void awaitTermination() throws InterruptedException {
        crashed.await();
    }

    @Override
    public synchronized void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null && loopThread != null) {
            loop.stop();
            try {
                if (!loop.awaitStopped(timeout)) {
                    LOG.warn("The sink loop did not stop within {}; closing the sinks under it. Uncommitted records "
                            + "are read again at the next start.", timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close();
        }
        releaseResources();
    }

    private void releaseResources() {
        if (http != null) {
            http.close();
        }
        for (RecordSink sink : sinks) {
            sink.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing a sink resource failed: {}", e.toString());
            }
        }
        resources.clear();
    }

    /** Counters of what the service did since it started. */
    public SinkStats stats() {
        Map<String, Long> stored = new LinkedHashMap<>();
        for (RecordSink sink : sinks) {
            stored.put(sink.name(), sink.stored());
        }
        return loop == null ? new SinkStats(0, 0, stored)
                : new SinkStats(loop.received(), loop.deadLettered(), stored);
    }

    /** The loop's state; {@code STARTING} before {@link #start()}. */
    public SinkLoop.State state() {
        return loop == null ? SinkLoop.State.STARTING : loop.state();
    }

    public Health health() {
        return health;
    }

    /** Base URL of health and metrics, e.g. {@code http://127.0.0.1:8093}. */
    public String url() {
        return http == null ? null : http.url();
    }
}
