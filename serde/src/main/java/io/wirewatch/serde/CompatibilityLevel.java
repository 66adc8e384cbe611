package io.wirewatch.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 * BACKWARD: the new schema reads data written with the old one. FORWARD: the old schema reads data written with the
 * new one. FULL: both. Plain levels compare with the newest version only, {@code _TRANSITIVE} with every version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Parses a level name, case-insensitively.
     *
     * @throws RegistryException with {@link RegistryException#INVALID_COMPATIBILITY_LEVEL} for anything else
     */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the registry's own error
            }
        }
        throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level: " + name + "; valid levels are NONE, BACKWARD, BACKWARD_TRANSITIVE, "
                        + "FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
    }

    /**
     * Checks a candidate schema against the existing versions of a subject.
     *
     * @param candidate the schema about to be registered
     * @param previous the existing versions, oldest first
     * @return messages describing each incompatibility; empty when the candidate may be registered
     */
    public List<String> check(Schema candidate, List<Schema> previous) {
        List<String> messages = new ArrayList<>();
        if (this == NONE || previous.isEmpty()) {
            return messages;
        }
        List<Schema> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
        for (int i = against.size() - 1; i >= 0; i--) {
            Schema existing = against.get(i);
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing), "BACKWARD",
                        messages);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate), "FORWARD",
                        messages);
            }
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction,
                                 List<String> messages) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + incompatibility.getMessage() + "', additionalInfo:'" + incompatibility.getLocation() + "'}");
        }
    }
}
