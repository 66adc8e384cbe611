package io.wirewatch.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parsing and comparing schema texts the way a Confluent registry does. */
public final class AvroSchemas {

    private AvroSchemas() {
    }

    /**
     * Parses a schema text.
     *
     * @throws RegistryException with {@link RegistryException#INVALID_SCHEMA} naming what is wrong
     */
    public static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema: empty schema text");
        }
        try {
            return new Schema.Parser().setValidateDefaults(true).parse(text);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Invalid schema: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The form in which two schemas are the same schema: Avro's own JSON rendering of the parsed schema (whitespace
     * and attribute order normalized, docs and defaults kept, since they matter to readers). With
     * {@code normalize}, also the rendering used for {@code ?normalize=true}, which is the same for Avro.
     */
    public static String canonical(Schema schema) {
        return schema.toString();
    }
}
