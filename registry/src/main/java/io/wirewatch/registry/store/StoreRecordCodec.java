package io.wirewatch.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.serde.AvroSchemas;
import io.wirewatch.serde.CompatibilityLevel;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.SchemaRegistryState.Mode;
import io.wirewatch.serde.SchemaRegistryState.Mutation;
import io.wirewatch.serde.SchemaRegistryState.PutConfig;
import io.wirewatch.serde.SchemaRegistryState.PutMode;
import io.wirewatch.serde.SchemaRegistryState.PutSchema;
import io.wirewatch.serde.SchemaRegistryState.RemoveSchema;
import io.wirewatch.serde.SchemaRegistryState.SchemaVersion;
import io.wirewatch.serde.SchemaRegistryState.SoftDeleteSubject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The records of the store topic in Confluent Schema Registry's own format, so the log reads the same to a Confluent
 * registry (and a Confluent registry's log reads the same to us). Keys and values are JSON, fields in Confluent's
 * order:
 * <pre>
 * {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}   {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}
 * {"keytype":"CONFIG","subject":null,"magic":0}              {"compatibilityLevel":"BACKWARD"}
 * {"keytype":"MODE","subject":"s","magic":0}                 {"mode":"READONLY"}
 * {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}       {"subject":"s","version":3}
 * </pre>
 * A null value (tombstone) removes a version for good, or clears a config or mode. Key types this registry does not
 * use ({@code NOOP}, {@code CONTEXT}, {@code CLEAR_SUBJECT}, ...) decode to nothing.
 */
public final class StoreRecordCodec {

    /** A record to write: key and value bytes; a null value is a tombstone. */
    public record Encoded(byte[] key, byte[] value) {
        public String keyText() {
            return new String(key, StandardCharsets.UTF_8);
        }

        public String valueText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecordCodec() {
    }

    /** The record that makes a mutation durable. */
    public static Encoded encode(Mutation mutation) {
        if (mutation instanceof PutSchema put) {
            SchemaVersion v = put.version();
            ObjectNode value = JSON.createObjectNode()
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", v.deleted());
            return new Encoded(schemaKey(v.subject(), v.version()), bytes(value));
        }
        if (mutation instanceof RemoveSchema remove) {
            return new Encoded(schemaKey(remove.subject(), remove.version()), null);
        }
        if (mutation instanceof SoftDeleteSubject delete) {
            ObjectNode value = JSON.createObjectNode()
                    .put("subject", delete.subject())
                    .put("version", delete.upToVersion());
            return new Encoded(subjectKey("DELETE_SUBJECT", delete.subject()), bytes(value));
        }
        if (mutation instanceof PutConfig config) {
            byte[] value = config.level() == null ? null
                    : bytes(JSON.createObjectNode().put("compatibilityLevel", config.level().name()));
            return new Encoded(subjectKey("CONFIG", config.subject()), value);
        }
        if (mutation instanceof PutMode mode) {
            byte[] value = mode.mode() == null ? null : bytes(JSON.createObjectNode().put("mode", mode.mode().name()));
            return new Encoded(subjectKey("MODE", mode.subject()), value);
        }
        throw new IllegalArgumentException("No store record for mutation " + mutation);
    }

    /**
     * The mutation a record of the store topic holds; empty for key types this registry does not use and for
     * schemas of other types than Avro.
     *
     * @throws IllegalArgumentException naming what is wrong when the key or value cannot be read
     */
    public static Optional<Mutation> decode(byte[] key, byte[] value) {
        JsonNode k = parse(key, "key");
        if (k == null || !k.isObject() || !k.path("keytype").isTextual()) {
            throw new IllegalArgumentException("key has no \"keytype\": " + text(key));
        }
        String type = k.path("keytype").asText();
        switch (type) {
            case "SCHEMA":
                return Optional.ofNullable(decodeSchema(k, value));
            case "CONFIG": {
                String subject = subjectOrGlobal(k);
                if (value == null) {
                    return Optional.of(new PutConfig(subject, null));
                }
                JsonNode level = parse(value, "value").path("compatibilityLevel");
                return Optional.of(new PutConfig(subject, level.isTextual() ? levelOf(level.asText(), key) : null));
            }
            case "MODE": {
                String subject = subjectOrGlobal(k);
                if (value == null) {
                    return Optional.of(new PutMode(subject, null));
                }
                return Optional.of(new PutMode(subject, modeOf(parse(value, "value").path("mode").asText(), key)));
            }
            case "DELETE_SUBJECT": {
                if (value == null) {
                    return Optional.empty();
                }
                JsonNode v = parse(value, "value");
                String subject = v.path("subject").isTextual() ? v.path("subject").asText() : requireSubject(k);
                if (!v.path("version").canConvertToInt()) {
                    throw new IllegalArgumentException("DELETE_SUBJECT value has no \"version\": " + text(value));
                }
                return Optional.of(new SoftDeleteSubject(subject, v.path("version").asInt()));
            }
            default:
                return Optional.empty();
        }
    }

    private static Mutation decodeSchema(JsonNode k, byte[] value) {
        String subject = requireSubject(k);
        if (!k.path("version").canConvertToInt()) {
            throw new IllegalArgumentException("SCHEMA key has no \"version\": " + k);
        }
        int version = k.path("version").asInt();
        if (value == null) {
            return new RemoveSchema(subject, version);
        }
        JsonNode v = parse(value, "value");
        String schemaType = v.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(schemaType.toUpperCase(Locale.ROOT))) {
            return null;
        }
        if (!v.path("id").canConvertToInt() || !v.path("schema").isTextual()) {
            throw new IllegalArgumentException("SCHEMA value needs \"id\" and \"schema\": " + text(value));
        }
        return new PutSchema(new SchemaVersion(subject, version, v.path("id").asInt(),
                canonical(v.path("schema").asText()), v.path("deleted").asBoolean(false)));
    }

    /** Schemas another registry wrote are kept in our canonical form, so equal schemas compare equal. */
    private static String canonical(String text) {
        try {
            return AvroSchemas.canonical(AvroSchemas.parse(text));
        } catch (RegistryException e) {
            return text;
        }
    }

    private static CompatibilityLevel levelOf(String name, byte[] key) {
        try {
            return CompatibilityLevel.parse(name);
        } catch (RegistryException e) {
            throw new IllegalArgumentException("unknown compatibilityLevel '" + name + "' for key " + text(key), e);
        }
    }

    private static Mode modeOf(String name, byte[] key) {
        if ("READONLY_OVERRIDE".equals(name)) {
            return Mode.READONLY;
        }
        try {
            return Mode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + name + "' for key " + text(key), e);
        }
    }

    /** Global settings have no subject: Confluent writes null, omits it, or (with contexts) leaves it empty. */
    private static String subjectOrGlobal(JsonNode key) {
        JsonNode subject = key.path("subject");
        return subject.isTextual() && !subject.asText().isEmpty() ? subject.asText() : null;
    }

    private static String requireSubject(JsonNode key) {
        String subject = subjectOrGlobal(key);
        if (subject == null) {
            throw new IllegalArgumentException("key has no \"subject\": " + key);
        }
        return subject;
    }

    private static byte[] schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode()
                .put("keytype", "SCHEMA")
                .put("subject", subject)
                .put("version", version)
                .put("magic", 1);
        return bytes(key);
    }

    private static byte[] subjectKey(String type, String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", type);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return bytes(key);
    }

    private static JsonNode parse(byte[] bytes, String what) {
        if (bytes == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON (" + e.getMessage().split("\n")[0] + "): " + text(bytes),
                    e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
