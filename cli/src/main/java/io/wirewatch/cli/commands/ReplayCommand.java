package io.wirewatch.cli.commands;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.enrich.replay.ReplayReset;
import io.wirewatch.ingest.publish.StoryPublisher;
import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.platform.progress.Progress;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.sink.archive.ArchiveReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wirewatch replay}: re-publishes archived stories, or re-runs enrichment from a point in time. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Replays history: re-publishes a sink archive to news.raw, or re-runs enrichment from a point in time.",
            "",
            "  --archive DIR   re-publishes the stories of a sink archive to news.raw in publish-time order (ids "
                    + "unchanged, marked with the header 'wirewatch.replay'), so enrich tags them again, e.g. with "
                    + "a new taxonomy. Bulk dumps of other feeds go through 'wirewatch ingest --once' instead.",
            "  --kafka         moves the enrich application's committed offsets on news.raw back to --from, so the "
                    + "next start of 'wirewatch enrich' re-runs enrichment from there. Stop enrich first.",
            "A replay through the same taxonomy gives the same enrichment; a changed taxonomy gives events with the "
                    + "new taxonomyVersion. The sink upserts by story id, so it stays idempotent throughout."},
        footer = {"", "Examples:",
            "  wirewatch replay --archive .wirewatch/runs/20240305-101500/archive",
            "  wirewatch replay --archive archive/ --from 2019-01-01 --to 2019-12-31 --speed 86400 --source reuters",
            "  wirewatch replay --kafka --from 2024-03-01T00:00:00Z"})
public final class ReplayCommand implements Callable<Integer> {

    /** Header on every replayed record; its value is the replay run's id. */
    public static final String REPLAY_HEADER = "wirewatch.replay";

    @Mixin
    ConfigOptions config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--archive", paramLabel = "DIR", description = "A sink archive directory (dt=YYYY-MM-DD/...).")
        Path archive;

        @Option(names = "--kafka", description = "Re-run enrichment from --from on the retained news.raw.")
        boolean kafka;
    }

    @Option(names = "--from", paramLabel = "DATE|DATETIME",
            description = "Start: a date (archive: publish date, inclusive) or an ISO instant (--kafka: the time the "
                    + "story was appended to news.raw).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last publish date to replay (inclusive).")
    LocalDate to;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max",
            description = "Pacing by publish times: N times real time (--speed 3600 replays an hour of news per "
                    + "second), or max (default) for as fast as the broker takes it.")
    String speed;

    @Option(names = "--source", paramLabel = "NAME", description = "Only stories of this source.")
    String source;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "wirewatch-enrich",
            description = "With --kafka: the enrich application.id (default ${DEFAULT-VALUE}).")
    String applicationId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WirewatchConfig cfg = new WirewatchConfig(WirewatchConfig.commonDef(0), config.load());
        return mode.kafka ? resetEnrichment(cfg) : replayArchive(cfg);
    }

    private int resetEnrichment(WirewatchConfig cfg) {
        PrintWriter out = spec.commandLine().getOut();
        if (from == null) {
            throw new IllegalArgumentException("--kafka needs --from DATETIME, e.g. --from 2024-03-01T00:00:00Z");
        }
        Instant start = parseInstant(from);
        String rawTopic = cfg.getString(WirewatchConfig.TOPIC_RAW);
        try (Admin admin = Admin.create(cfg.adminConfig())) {
            Map<TopicPartition, Long> offsets = new ReplayReset(admin, Duration.ofSeconds(30))
                    .resetInputTo(applicationId, rawTopic, start);
            out.printf("Enrich application '%s' will re-read %s from %s:%n", applicationId, rawTopic, start);
            offsets.entrySet().stream().sorted(Map.Entry.comparingByKey(
                            (a, b) -> Integer.compare(a.partition(), b.partition())))
                    .forEach(e -> out.printf("  partition %d from offset %d%n", e.getKey().partition(), e.getValue()));
            out.println("Start 'wirewatch enrich' to re-run enrichment. Stories with the same content and taxonomy "
                    + "version within the dedup window are dropped as exact duplicates: bump the taxonomy version, or "
                    + "use a new application.id, to enrich them again (see enrich/README.md).");
        }
        return 0;
    }

    private int replayArchive(WirewatchConfig cfg) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path dir = mode.archive;
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Archive directory " + dir + " does not exist");
        }
        ArchiveReader archive = new ArchiveReader(dir);
        LocalDate first = from == null ? LocalDate.MIN : parseDate(from);
        LocalDate last = to == null ? LocalDate.MAX : to;
        List<LocalDate> days = archive.days().stream().filter(d -> !d.isBefore(first) && !d.isAfter(last)).toList();
        double factor = "max".equalsIgnoreCase(speed) ? 0 : Double.parseDouble(speed);
        if (factor < 0) {
            throw new IllegalArgumentException("--speed must be positive or 'max', not " + speed);
        }
        String runId = "replay-" + UUID.randomUUID();
        try (ContractSerdes serdes = new ContractSerdes(cfg.serdeConfig());
             Admin admin = Admin.create(cfg.adminConfig())) {
            PipelineTopics topics = new PipelineTopics(TopicCatalog.from(cfg), serdes);
            if (cfg.getBoolean(WirewatchConfig.TOPICS_PROVISION)) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).provision(List.of(topics.raw().spec()));
            }
            AtomicLong sent = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long started = System.nanoTime();
            try (KafkaProducer<String, RawStory> producer = new KafkaProducer<>(cfg.producerConfig(),
                    topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
                 Progress progress = Progress.onStderr("replay", "days", days.size())) {
                Pacer pacer = new Pacer(factor);
                for (LocalDate day : days) {
                    Set<String> seen = new HashSet<>();
                    for (EnrichedStory enriched : archive.storiesOn(day)) {
                        RawStory story = enriched.getStory();
                        if ((source != null && !source.equals(story.getSource())) || !seen.add(story.getId())) {
                            continue;
                        }
                        pacer.await(story.getPublishedAt());
                        if (failure.get() != null) {
                            throw failure.get();
                        }
                        producer.send(record(topics.raw().name(), story, runId), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else {
                                sent.incrementAndGet();
                            }
                        });
                        progress.count("stories", 1);
                    }
                    progress.advance(1);
                }
                producer.flush();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("Replay stopped: the broker refused a story (" + failure.get()
                        + "); stories sent before it are on " + topics.raw().name() + ", run again to resume (ids "
                        + "are stable and enrich drops exact duplicates)", failure.get());
            }
            err.printf("Replayed %,d stories from %d day(s) of %s to %s in %.1f s (run %s)%n", sent.get(),
                    days.size(), dir, topics.raw().name(), (System.nanoTime() - started) / 1e9, runId);
            spec.commandLine().getOut().printf("%d%n", sent.get());
        }
        return 0;
    }

    private static ProducerRecord<String, RawStory> record(String topic, RawStory story, String runId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(StoryPublisher.HEADER_SOURCE, utf8(story.getSource()));
        headers.add(StoryPublisher.HEADER_FORMAT, utf8(story.getFormat().name()));
        headers.add(StoryPublisher.HEADER_CONTENT_HASH, utf8(story.getContentHash()));
        headers.add(REPLAY_HEADER, utf8(runId));
        return new ProducerRecord<>(topic, null, story.getId(), story, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return parseInstant(value).atOffset(ZoneOffset.UTC).toLocalDate();
        }
    }

    static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("Cannot read '" + value + "' as a date (2024-03-01) or an ISO "
                        + "instant (2024-03-01T00:00:00Z)", again);
            }
        }
    }

    /** Waits between stories so publish times pass {@code factor} times faster than they did; 0 = no waiting. */
    static final class Pacer {
        private final double factor;
        private Instant firstPublished;
        private long firstSentNanos;

        Pacer(double factor) {
            this.factor = factor;
        }

        void await(Instant published) throws InterruptedException {
            if (factor <= 0 || published == null) {
                return;
            }
            if (firstPublished == null) {
                firstPublished = published;
                firstSentNanos = System.nanoTime();
                return;
            }
            long dueNanos = firstSentNanos + (long) (Duration.between(firstPublished, published).toNanos() / factor);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
