package io.wirewatch.cli.commands;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.cli.format.StoryFormatter;
import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.Topic;
import io.wirewatch.platform.topics.TopicCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wirewatch tail}: follows news.enriched (or one topic's stream) and prints each story. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follows the enriched stories and prints each one: readably (date, title, countries, who "
                + "cooperates on what), or as Avro JSON lines with --json. Joins no consumer group; Ctrl-C stops."},
        footer = {"", "Examples:",
            "  wirewatch tail --from-beginning                  every enriched story so far, then new ones",
            "  wirewatch tail --topic training --json -n 10     the first 10 stories tagged 'training', as JSON"})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC_ID",
            description = "Follow news.enriched.<TOPIC_ID> (rnd, exports, training, industrial, security) instead of "
                    + "news.enriched.")
    String topicId;

    @Option(names = "--json", description = "Print each story as one line of Avro JSON.")
    boolean json;

    @Option(names = "--from-beginning", description = "Start at the oldest retained story, not at new ones.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Stop after N stories.")
    long max = Long.MAX_VALUE;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Stop when no story arrived for this long, e.g. PT10S (default: never).")
    Duration idleTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WirewatchConfig cfg = new WirewatchConfig(WirewatchConfig.commonDef(0), config.load());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ContractSerdes serdes = new ContractSerdes(cfg.serdeConfig())) {
            PipelineTopics topics = new PipelineTopics(TopicCatalog.from(cfg), serdes);
            Topic<String, EnrichedStory> topic = topicId == null ? topics.enriched() : topics.enrichedFor(topicId);
            Map<String, Object> consumerConfig = cfg.consumerConfig("unused");
            consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
            try (KafkaConsumer<String, EnrichedStory> consumer = new KafkaConsumer<>(consumerConfig,
                    topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
                Thread main = Thread.currentThread();
                Thread hook = new Thread(() -> {
                    consumer.wakeup();
                    try {
                        main.join(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "wirewatch-tail-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                long printed = follow(consumer, topic.name(), out, err);
                err.printf("%d stor%s from %s%n", printed, printed == 1 ? "y" : "ies", topic.name());
                return 0;
            } catch (WakeupException e) {
                return 0;
            }
        }
    }

    private long follow(KafkaConsumer<String, EnrichedStory> consumer, String topic, PrintWriter out,
                        PrintWriter err) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist; run 'wirewatch topics' first");
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        long printed = 0;
        long lastRecord = System.nanoTime();
        while (printed < max) {
            try {
                for (ConsumerRecord<String, EnrichedStory> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(json ? StoryFormatter.json(record.value()) : StoryFormatter.readable(record.value()));
                    out.flush();
                    lastRecord = System.nanoTime();
                    if (++printed >= max) {
                        break;
                    }
                }
            } catch (RecordDeserializationException e) {
                err.printf("Skipping unreadable record at %s offset %d: %s%n", e.topicPartition(), e.offset(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
            if (idleTimeout != null && System.nanoTime() - lastRecord > idleTimeout.toNanos()) {
                break;
            }
        }
        return printed;
    }
}
