package io.wirewatch.registry;

import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.serde.CompatibilityLevel;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the schema registry: the common ones ({@code bootstrap.servers}, {@code http.port} defaulting to 8081,
 * {@code topics.replication.factor}, Kafka client keys) plus the store topic, compatibility default, timeouts and
 * basic auth.
 */
public final class RegistryConfig extends WirewatchConfig {

    public static final int DEFAULT_HTTP_PORT = 8081;

    public static final String TOPIC = "registry.topic";
    public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";
    public static final String AUTH_USERS = "registry.auth.users";
    public static final String AUTH_REALM = "registry.auth.realm";
    public static final String STORE_TIMEOUT_MS = "registry.store.timeout.ms";
    public static final String INIT_TIMEOUT_MS = "registry.init.timeout.ms";
    public static final String MAX_REQUEST_BYTES = "registry.max.request.bytes";

    /** The registry's settings on top of {@link WirewatchConfig#commonDef(int)}. */
    public static ConfigDef definition() {
        return WirewatchConfig.commonDef(DEFAULT_HTTP_PORT)
                .define(TOPIC, Type.STRING, "_schemas", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Compacted, single-partition topic that stores every schema, version, compatibility level "
                                + "and mode, in Confluent Schema Registry's record format (a Confluent registry can "
                                + "read it, and we read one). Created when missing (topics.provision=true); the "
                                + "registry refuses to start when it exists but is not compacted or has several "
                                + "partitions. One registry writes it at a time: the producer's transactional.id is "
                                + "'wirewatch-registry-<topic>', so a newer instance fences an older one.")
                .define(COMPATIBILITY_LEVEL, Type.STRING, "BACKWARD",
                        ConfigDef.ValidString.in(Arrays.stream(CompatibilityLevel.values()).map(Enum::name)
                                .toArray(String[]::new)), Importance.MEDIUM,
                        "Global compatibility level until one is set with PUT /config (Confluent's own key).")
                .define(AUTH_USERS, Type.PASSWORD, "", Importance.MEDIUM,
                        "HTTP basic auth: comma-separated user:password pairs. Empty turns auth off. When set, "
                                + "every API call needs the credentials; /health/* and /metrics stay open for "
                                + "probes and scrapers.")
                .define(AUTH_REALM, Type.STRING, "wirewatch-registry", Importance.LOW,
                        "Realm named in the WWW-Authenticate answer to unauthenticated calls.")
                .define(STORE_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                        "How long a write waits to be in the store topic and read back before it answers 50002.")
                .define(INIT_TIMEOUT_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                        "How long startup waits to read the store topic to its end before giving up.")
                .define(MAX_REQUEST_BYTES, Type.INT, 4 * 1024 * 1024, Range.atLeast(1024), Importance.LOW,
                        "Largest request body accepted (a schema must also fit the topic's max.message.bytes).");
    }

    public RegistryConfig(Map<?, ?> originals) {
        super(definition(), originals);
        users();
    }

    public String topic() {
        return getString(TOPIC);
    }

    /** The producer's transactional.id: fixed per store topic, so only one registry writes it. */
    public String transactionalId() {
        return "wirewatch-registry-" + topic();
    }

    public CompatibilityLevel defaultCompatibility() {
        return CompatibilityLevel.parse(getString(COMPATIBILITY_LEVEL));
    }

    /**
     * The users of basic auth, user to password; empty when auth is off.
     *
     * @throws ConfigException naming the bad entry when one is not user:password
     */
    public Map<String, String> users() {
        Password password = getPassword(AUTH_USERS);
        String value = password == null ? "" : password.value().trim();
        Map<String, String> users = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return users;
        }
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new ConfigException(AUTH_USERS, "[hidden]", "every entry must be user:password with both "
                        + "parts non-empty; entry " + (users.size() + 1) + " is not");
            }
            users.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
        }
        return users;
    }

    public String authRealm() {
        return getString(AUTH_REALM);
    }

    public Duration storeTimeout() {
        return Duration.ofMillis(getLong(STORE_TIMEOUT_MS));
    }

    public Duration initTimeout() {
        return Duration.ofMillis(getLong(INIT_TIMEOUT_MS));
    }

    public int maxRequestBytes() {
        return getInt(MAX_REQUEST_BYTES);
    }

    public short replicationFactor() {
        return getShort(TOPICS_REPLICATION_FACTOR);
    }

    public boolean provisionTopics() {
        return getBoolean(TOPICS_PROVISION);
    }

    @Override
    public String toString() {
        return "RegistryConfig{bootstrap.servers=" + bootstrapServers() + ", " + TOPIC + "=" + topic() + ", "
                + HTTP_PORT + "=" + httpPort() + ", auth=" + (users().isEmpty() ? "off" : "basic") + ", "
                + COMPATIBILITY_LEVEL + "=" + getString(COMPATIBILITY_LEVEL).toUpperCase(Locale.ROOT) + "}";
    }
}
