package io.wirewatch.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.wirewatch.serde.AvroSchemas;
import io.wirewatch.serde.RegistryException;
import java.util.Locale;
import org.apache.avro.Schema;

/** Parsing path and query parameters and schema bodies, with Confluent's error codes. */
final class Requests {

    /** The version number that stands for "latest". */
    static final int LATEST = -1;

    private Requests() {
    }

    /** {@code ?name=true} (any case); absent or anything else is false. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    /**
     * A version path parameter: {@code latest} or {@code -1} for the newest, else 1 to 2^31-1.
     *
     * @throws RegistryException 42202 for anything else
     */
    static int version(Context ctx) {
        String text = ctx.pathParam("version").trim();
        if (text.equalsIgnoreCase("latest")) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version == LATEST || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // the registry's own error below
        }
        throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + text
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    /**
     * A schema id path parameter.
     *
     * @throws RegistryException 40403 when it is not a number (no schema can have that id)
     */
    static int schemaId(Context ctx) {
        String text = ctx.pathParam("id").trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    /**
     * The Avro schema of a request body {@code {"schema": "...", "schemaType": "AVRO", "references": []}}.
     *
     * @throws RegistryException 400 for a body that is not a JSON object, 42201 for a missing or invalid schema, a
     *     type other than Avro, or references
     */
    static Schema schema(Context ctx) {
        JsonNode body = Json.body(ctx);
        JsonNode text = body.path("schema");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Empty schema: the body needs a \"schema\" field holding the schema as a JSON string");
        }
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema type " + type
                    + ": this registry serves AVRO schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Schema references are not supported "
                    + "by this registry; inline the referenced types into the schema");
        }
        return AvroSchemas.parse(text.asText());
    }
}
