package io.wirewatch.serde;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls a Confluent Schema Registry answers that serializers, tools and tests need. Implementations speak the
 * REST protocol ({@link RestSchemaRegistryClient}) or keep state in memory ({@link MockSchemaRegistryClient}).
 * Every method throws {@link RegistryException} with Confluent's error code when the registry says no.
 */
public interface SchemaRegistryClient extends Closeable {

    /**
     * Registers a schema under a subject ({@code POST /subjects/{subject}/versions}); returns the global id. A schema
     * equal to an existing version returns that version's id.
     */
    int register(String subject, Schema schema, boolean normalize);

    default int register(String subject, Schema schema) {
        return register(subject, schema, false);
    }

    /** Finds an already registered schema under a subject ({@code POST /subjects/{subject}}); 40403 if it is not. */
    RegisteredSchema lookup(String subject, Schema schema, boolean normalize);

    /** The schema with a global id ({@code GET /schemas/ids/{id}}). Ids never change meaning, so callers may cache. */
    Schema getById(int id);

    /** A version of a subject ({@code GET /subjects/{subject}/versions/{version}}). */
    RegisteredSchema getVersion(String subject, int version);

    /** The newest version of a subject ({@code GET /subjects/{subject}/versions/latest}). */
    RegisteredSchema getLatest(String subject);

    /** All subjects ({@code GET /subjects}). */
    List<String> getAllSubjects();

    /** The live versions of a subject ({@code GET /subjects/{subject}/versions}). */
    List<Integer> getAllVersions(String subject);

    /**
     * Whether {@code schema} may be registered under {@code subject} given its compatibility level
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}). True when the subject has no versions.
     */
    boolean testCompatibility(String subject, Schema schema);

    /** The compatibility level of a subject, falling back to the global one ({@code GET /config/{subject}}). */
    String getCompatibility(String subject);

    /** Sets the compatibility level of a subject ({@code PUT /config/{subject}}); null subject for the global one. */
    void updateCompatibility(String subject, String level);

    /** Deletes a subject ({@code DELETE /subjects/{subject}}): soft first, then permanently; returns the versions. */
    List<Integer> deleteSubject(String subject, boolean permanent);

    @Override
    default void close() {
    }
}
