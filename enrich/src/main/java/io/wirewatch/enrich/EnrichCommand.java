package io.wirewatch.enrich;

import io.wirewatch.enrich.replay.ReplayReset;
import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.runtime.ServiceRunner;
import io.wirewatch.tagger.TaxonomyTagger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wirewatch enrich}: runs the enrich service until stopped (Ctrl-C, SIGTERM). */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {
            "Runs the enrich service: reads raw stories from news.raw, drops exact duplicates, tags each story "
                    + "with defense-cooperation topics, countries and cooperating parties (with evidence), marks "
                    + "near-duplicates, and writes news.enriched, news.enriched.<topicId> and news.trends; "
                    + "unreadable or failing stories go to news.deadletter. Health and metrics on http.port (8092).",
            "Settings: defaults < --config file < WIREWATCH_* environment < --set/flags. See enrich/README.md."})
public final class EnrichCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichCommand.class);

    @Mixin
    ConfigOptions options;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy YAML to tag with (taxonomy.file); default: the shipped taxonomy.")
    Path taxonomy;

    @Option(names = "--replay-from", paramLabel = "DATETIME",
            description = "Before starting, move the application's news.raw offsets back to the first story "
                    + "appended at or after DATETIME (ISO-8601, e.g. 2024-05-01T00:00:00Z). Every instance of "
                    + "the application must be stopped.")
    String replayFrom;

    @Override
    public Integer call() {
        if (taxonomy != null) {
            options.put(EnrichConfig.TAXONOMY_FILE, taxonomy.toString());
        }
        EnrichConfig config;
        TaxonomyTagger tagger;
        try {
            config = new EnrichConfig(options.load());
            if (replayFrom != null) {
                resetOffsets(config, parse(replayFrom));
            }
            tagger = EnrichTaggers.load(config);
        } catch (RuntimeException e) {
            LOG.error("Cannot start enrich: {}", e.getMessage(), e);
            return 2;
        }
        try (tagger) {
            EnrichService service = new EnrichService(config, tagger, EnrichTaggers.topicIds(tagger),
                    Clock.systemUTC());
            return ServiceRunner.run("enrich", service, config.shutdownTimeout());
        }
    }

    private static void resetOffsets(EnrichConfig config, Instant from) {
        try (Admin admin = Admin.create(config.adminConfig())) {
            Map<TopicPartition, Long> offsets = new ReplayReset(admin, Duration.ofSeconds(30))
                    .resetInputTo(config.applicationId(), config.getString(EnrichConfig.TOPIC_RAW), from);
            LOG.info("Application '{}' replays from {}: offsets {}", config.applicationId(), from, offsets);
        }
    }

    private static Instant parse(String datetime) {
        try {
            return OffsetDateTime.parse(datetime).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--replay-from '" + datetime + "' is not an ISO-8601 date-time with "
                    + "offset, e.g. 2024-05-01T00:00:00Z", e);
        }
    }
}
