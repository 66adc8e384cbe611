package io.wirewatch.platform.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the broker hold the catalogue's topics: creates what is missing and reports, without changing them, existing
 * topics whose partitions or configs differ from the spec. Idempotent: a second run creates nothing. Several services
 * may provision at once; a topic created by another in between counts as existing. Returns once every partition's
 * leader serves requests ({@link TopicReadiness}), so a producer may start at once.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * @throws IllegalStateException naming the broker problem when topics cannot be listed or created
     */
    public ProvisioningReport provision(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
            List<String> created = create(missing);
            List<TopicSpec> present = specs.stream().filter(s -> !created.contains(s.name())).toList();
            Map<String, TopicDescription> descriptions = describe(present);
            List<ProvisioningReport.Drift> drift = drift(present, descriptions);
            Set<String> drifted = drift.stream().map(ProvisioningReport.Drift::topic).collect(Collectors.toSet());
            List<String> unchanged = present.stream().map(TopicSpec::name).filter(n -> !drifted.contains(n)).toList();
            Map<String, Integer> partitions = new HashMap<>();
            specs.stream().filter(s -> created.contains(s.name()))
                    .forEach(s -> partitions.put(s.name(), s.partitions()));
            descriptions.forEach((name, d) -> partitions.put(name, d.partitions().size()));
            TopicReadiness.awaitServed(admin, partitions, timeout);
            ProvisioningReport report = new ProvisioningReport(created, unchanged, drift);
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
            drift.forEach(d -> LOG.warn("Topic setting drifted (left as it is): {}", d));
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot provision topics " + specs.stream().map(TopicSpec::name).toList()
                    + ": " + (e.getCause() == null ? e : e.getCause()), e);
        }
    }

    private List<String> create(List<TopicSpec> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(missing.stream().map(TopicSpec::toNewTopic).toList());
        List<String> created = new ArrayList<>();
        for (TopicSpec spec : missing) {
            try {
                result.values().get(spec.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(spec.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    private Map<String, TopicDescription> describe(List<TopicSpec> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return Map.of();
        }
        return admin.describeTopics(present.stream().map(TopicSpec::name).toList()).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<ProvisioningReport.Drift> drift(List<TopicSpec> present, Map<String, TopicDescription> descriptions)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return List.of();
        }
        List<String> names = present.stream().map(TopicSpec::name).toList();
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<ProvisioningReport.Drift> drift = new ArrayList<>();
        for (TopicSpec spec : present) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions < spec.partitions()) {
                drift.add(new ProvisioningReport.Drift(spec.name(), "partitions", String.valueOf(spec.partitions()),
                        String.valueOf(partitions)));
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, expected) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!expected.equals(value)) {
                    drift.add(new ProvisioningReport.Drift(spec.name(), key, expected, value));
                }
            });
        }
        return drift;
    }
}
