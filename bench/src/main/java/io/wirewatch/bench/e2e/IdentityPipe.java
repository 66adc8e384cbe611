package io.wirewatch.bench.e2e;

import io.wirewatch.platform.topics.ContractSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The raw-Kafka baseline's middle: an identity Kafka Streams application that reads {@link io.wirewatch.avro.RawStory} records with the
 * pipeline's Avro serde, and writes them unchanged with the same serde, under the given processing guarantee and
 * the same client settings as enrich (one stream thread, acks=all, idempotence, gzip). Runs in its own JVM like the
 * services: {@code IdentityPipe BOOTSTRAP REGISTRY_URL IN_TOPIC OUT_TOPIC APPLICATION_ID GUARANTEE}. Prints
 * {@code RUNNING} once Kafka Streams runs; SIGTERM stops it.
 */
public final class IdentityPipe {

    static final String RUNNING = "IDENTITY-PIPE RUNNING";

    private IdentityPipe() {
    }

    /** The topology: in -> out, RawStory through the contract serde both ways. */
    static Topology topology(ContractSerdes serdes, String in, String out) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(serdes.key(), serdes.rawStory()).withName("identity-source"))
                .to(out, Produced.with(serdes.key(), serdes.rawStory()).withName("identity-sink"));
        return builder.build();
    }

    static Properties properties(String bootstrap, String applicationId, String guarantee, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "gzip");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 5 * 1024 * 1024);
        return props;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: IdentityPipe BOOTSTRAP REGISTRY_URL IN_TOPIC OUT_TOPIC APPLICATION_ID "
                    + "exactly_once_v2|at_least_once");
            System.exit(2);
        }
        Path stateDir = Files.createTempDirectory("wirewatch-identity-pipe-");
        ContractSerdes serdes = new ContractSerdes(Map.of("schema.registry.url", args[1]));
        KafkaStreams streams = new KafkaStreams(topology(serdes, args[2], args[3]),
                properties(args[0], args[4], args[5], stateDir));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
                System.out.flush();
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            serdes.close();
            stopped.countDown();
        }, "identity-pipe-shutdown"));
        streams.start();
        stopped.await();
    }
}
