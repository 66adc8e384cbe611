package io.wirewatch.cli.commands;

import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.platform.topics.ProvisioningReport;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.platform.topics.TopicSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wirewatch topics}: creates the pipeline's topics where missing and describes them. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {
            "Creates the pipeline's topics where they are missing (idempotent) and describes them: partitions, "
                    + "retention, cleanup policy, timestamp type, and settings that drifted from the catalogue.",
            "Drift is reported, never changed: alter a topic yourself if the catalogue is what you want."},
        footer = {"", "Example:", "  wirewatch topics -b kafka:9092 --topic-ids rnd,exports,training,industrial,security"})
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--describe-only", description = "Describe the topics without creating any.")
    boolean describeOnly;

    @Option(names = "--topic-ids", split = ",", paramLabel = "ID",
            description = "Taxonomy topic ids with a news.enriched.<id> topic (default: ${DEFAULT-VALUE}).",
            defaultValue = "rnd,exports,training,industrial,security")
    List<String> topicIds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WirewatchConfig cfg = new WirewatchConfig(WirewatchConfig.commonDef(0), config.load());
        TopicCatalog catalog = TopicCatalog.from(cfg, topicIds);
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(cfg.adminConfig())) {
            if (!describeOnly) {
                ProvisioningReport report = new TopicProvisioner(admin, Duration.ofSeconds(30))
                        .provision(catalog.all());
                out.printf("Created %d topic(s)%s; %d already as specified.%n", report.created().size(),
                        report.created().isEmpty() ? "" : " " + report.created(), report.unchanged().size());
                report.drift().forEach(d -> out.println("DRIFT " + d));
            }
            describe(admin, catalog.all(), out);
        }
        return 0;
    }

    private static void describe(Admin admin, List<TopicSpec> specs, PrintWriter out) throws Exception {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = names.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(30, TimeUnit.SECONDS);
        out.printf("%-32s %10s %9s %14s %16s %14s%n", "TOPIC", "PARTITIONS", "REPLICAS", "RETENTION", "CLEANUP",
                "TIMESTAMPS");
        for (String name : names) {
            if (!present.contains(name)) {
                out.printf("%-32s %10s%n", name, "missing");
                continue;
            }
            TopicDescription d = descriptions.get(name);
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            out.printf("%-32s %10d %9d %14s %16s %14s%n", name, d.partitions().size(),
                    d.partitions().get(0).replicas().size(), retention(c.get("retention.ms").value()),
                    c.get("cleanup.policy").value(), c.get("message.timestamp.type").value());
        }
    }

    private static String retention(String ms) {
        long value = Long.parseLong(ms);
        if (value < 0) {
            return "forever";
        }
        Duration d = Duration.ofMillis(value);
        return d.toDays() > 0 && d.toDays() * 86_400_000L == value ? d.toDays() + " days" : d.toString();
    }
}
