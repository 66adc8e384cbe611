package io.wirewatch.serde;

import org.apache.avro.Schema;

/**
 * A schema as a registry holds it under a subject.
 *
 * @param subject the subject
 * @param version the version under that subject, from 1
 * @param id the global schema id, the one in the wire format
 * @param schemaType {@code AVRO} (the registry omits the field for Avro)
 * @param schema the schema text
 */
public record RegisteredSchema(String subject, int version, int id, String schemaType, String schema) {

    /** Parses {@link #schema()} as an Avro schema. */
    public Schema avroSchema() {
        return new Schema.Parser().parse(schema);
    }
}
