package io.wirewatch.bench.e2e;

import io.wirewatch.avro.RawStory;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.TopicReadiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The baseline: the same stories through a raw Kafka pipe on the same broker, in the same run: a producer (the
 * pipeline's producer settings, serializing RawStory with the contract serde; transactions of 100 records when
 * exactly-once is on, as ingest commits up to 100 files per transaction), a topic, the {@link IdentityPipe} Kafka
 * Streams application in its own JVM (same serde, same processing guarantee), a topic, and a read_committed consumer
 * deserializing every record. Stories/s = measured stories / (last consumed - first sent).
 */
final class RawPipeBaseline {

    static final int TRANSACTION_RECORDS = 100;

    /** What the baseline measured. */
    record Result(int stories, double seconds, double storiesPerSecond, double cpuSecondsPipe) {
    }

    private final String bootstrap;
    private final String registryUrl;
    private final String classpath;
    private final List<String> jvmOptions;
    private final Path logDir;
    private final Progress progress;

    RawPipeBaseline(String bootstrap, String registryUrl, String classpath, List<String> jvmOptions, Path logDir,
                    Progress progress) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        this.logDir = logDir;
        this.progress = progress;
    }

    /**
     * Sends {@code warmup} through and waits for it, then times {@code measured}.
     *
     * @param prefix names the topics, application and transactional id of this run
     * @param guarantee exactly_once_v2 or at_least_once
     */
    Result run(String prefix, String guarantee, List<RawStory> warmup, List<RawStory> measured)
            throws InterruptedException {
        String in = prefix + ".pipe.in";
        String out = prefix + ".pipe.out";
        createTopics(in, out);
        boolean exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee);
        try (ContractSerdes serdes = new ContractSerdes(Map.of("schema.registry.url", registryUrl));
             ChildJvm pipe = ChildJvm.start("identity-pipe", jvmOptions, classpath, IdentityPipe.class.getName(),
                     List.of(bootstrap, registryUrl, in, out, prefix + "-identity-pipe", guarantee),
                     logDir.resolve(prefix + "-identity-pipe.log"), null);
             KafkaProducer<String, RawStory> producer = new KafkaProducer<>(producerConfig(prefix, exactlyOnce),
                     serdes.key().serializer(), serdes.rawStory().serializer());
             TopicReader<RawStory> counter = new TopicReader<>(consumerConfig(), serdes.key().deserializer(),
                     serdes.rawStory().deserializer(), out)) {
            pipe.awaitLogLine(IdentityPipe.RUNNING, Duration.ofSeconds(90));
            if (exactlyOnce) {
                producer.initTransactions();
            }
            counter.start();
            send(producer, in, warmup, exactlyOnce);
            counter.await(warmup.size(), Duration.ofMinutes(3), "baseline warm-up", pipe::verifyAlive, progress);
            Duration cpuBefore = pipe.cpu();
            long start = System.nanoTime();
            send(producer, in, measured, exactlyOnce);
            long end = counter.await(warmup.size() + measured.size(), Duration.ofMinutes(5), "baseline measured",
                    pipe::verifyAlive, progress);
            double seconds = (end - start) / 1e9;
            double cpu = (pipe.cpu().toMillis() - cpuBefore.toMillis()) / 1000.0;
            pipe.stop();
            return new Result(measured.size(), seconds, measured.size() / seconds, cpu);
        }
    }

    private void createTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, 3, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            Map<String, Integer> partitions = new HashMap<>();
            for (String name : names) {
                partitions.put(name, 3);
            }
            TopicReadiness.awaitServed(admin, partitions, Duration.ofSeconds(30));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the baseline topics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the baseline topics", e);
        }
    }

    /** As WirewatchConfig#producerConfig gives every service, plus a transactional id when exactly-once. */
    private Map<String, Object> producerConfig(String prefix, boolean exactlyOnce) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 5 * 1024 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        if (exactlyOnce) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "-baseline-producer");
            config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        }
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return config;
    }

    private void send(KafkaProducer<String, RawStory> producer, String topic, List<RawStory> stories,
                      boolean exactlyOnce) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        for (int from = 0; from < stories.size(); from += TRANSACTION_RECORDS) {
            if (exactlyOnce) {
                producer.beginTransaction();
            }
            for (RawStory story : stories.subList(from, Math.min(stories.size(), from + TRANSACTION_RECORDS))) {
                producer.send(new ProducerRecord<>(topic, story.getId(), story), callback);
            }
            if (exactlyOnce) {
                producer.commitTransaction();
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("A baseline send failed: " + failure.get(), failure.get());
        }
    }
}
