package io.wirewatch.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Avro serde and its registry client, with Confluent's key names. */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String MAX_RETRIES = "schema.registry.max.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";

    /** Every key this config defines, so callers can pick them out of a larger property set. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Comma-separated URLs of the schema registry (tried in turn, failing over on I/O errors and 5xx). "
                            + "'mock://scope' selects an in-memory registry shared within the JVM, for tests.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema when serializing. When false, the schema must already be "
                            + "registered under the subject (looked up), or use.latest.version must be set.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the latest registered version of the subject instead of the record's schema.")
            .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
                    "Ask the registry to normalize schemas when registering and looking them up.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes (found by the writer schema's full name) "
                            + "instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", Importance.LOW,
                    "Subject naming for keys: TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy "
                            + "(Confluent's class names are accepted too).")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", Importance.LOW,
                    "Subject naming for values, as key.subject.name.strategy.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
                    ConfigDef.ValidString.in("URL", "USER_INFO"), Importance.MEDIUM,
                    "Where HTTP basic auth credentials come from: USER_INFO (basic.auth.user.info) or URL "
                            + "(user:password@ in schema.registry.url).")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, "", Importance.MEDIUM,
                    "'user:password' for HTTP basic auth when basic.auth.credentials.source=USER_INFO.")
            .define(REQUEST_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Timeout of one registry request.")
            .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries of a registry request after an I/O error or 5xx (never after a 4xx).")
            .define(RETRY_BACKOFF_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Initial backoff between registry retries; doubles each attempt, with jitter.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Upper bound of the backoff between registry retries.");

    public AvroSerdeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    public List<String> urls() {
        List<String> urls = getList(SCHEMA_REGISTRY_URL);
        if (urls.isEmpty() || urls.stream().allMatch(String::isBlank)) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urls, "at least one registry URL is required");
        }
        return urls;
    }

    public boolean autoRegister() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean normalize() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    public boolean specificReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        try {
            return SubjectNameStrategy.named(getString(key));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, getString(key), e.getMessage());
        }
    }

    /** {@code user:password} for basic auth from basic.auth.user.info, or null when the source is URL. */
    public String userInfo() {
        if (!"USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            return null;
        }
        Password info = getPassword(BASIC_AUTH_USER_INFO);
        return info == null || info.value().isEmpty() ? null : info.value();
    }

    /** True when every URL is a {@code mock://} URL. */
    public boolean isMock() {
        return urls().stream().allMatch(u -> MockSchemaRegistry.scopeOf(u) != null);
    }

    @Override
    public String toString() {
        return "AvroSerdeConfig" + Arrays.toString(new Object[] {urls(), autoRegister(), useLatestVersion()});
    }
}
