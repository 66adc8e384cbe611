package io.wirewatch.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.SchemaRegistryState.SchemaVersion;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

/** Reading request bodies and writing answers the way a Confluent registry does. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final String GENERIC = "application/vnd.schemaregistry+json";
    static final String PLAIN = "application/json";

    private Json() {
    }

    /** Writes a JSON answer with the content type the client asked for (Confluent's own by default). */
    static void answer(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(responseType(ctx.header("Accept"))).result(body.toString());
    }

    static void answer(Context ctx, JsonNode body) {
        answer(ctx, 200, body);
    }

    /** Writes a text answer (a bare schema) with the negotiated content type, as Confluent does. */
    static void answerText(Context ctx, String text) {
        ctx.status(200).contentType(responseType(ctx.header("Accept"))).result(text);
    }

    /** Confluent's error body: {@code {"error_code":40401,"message":"..."}}. */
    static void error(Context ctx, int status, int errorCode, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("error_code", errorCode).put("message", message);
        answer(ctx, status, body);
    }

    /** The first of our media types the Accept header names; Confluent's v1 type when it names none. */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank()) {
            return V1;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(V1) || type.equals("*/*") || type.equals("application/*")) {
                return V1;
            }
            if (type.equals(GENERIC)) {
                return GENERIC;
            }
            if (type.equals(PLAIN)) {
                return PLAIN;
            }
        }
        return V1;
    }

    /** True for the request content types the registry reads: its own two, plain JSON, none, or a wildcard. */
    static boolean acceptableRequestType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(V1) || type.equals(GENERIC) || type.equals(PLAIN) || type.equals("*/*")
                || type.equals("application/*");
    }

    /**
     * The request body as a JSON object.
     *
     * @throws RegistryException 400 when it is not a JSON object
     */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? null : MAPPER.readTree(text);
        } catch (IOException e) {
            throw new RegistryException(400, 400, "Request body is not JSON: " + oneLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new RegistryException(400, 400, "Request body must be a JSON object, e.g. {\"schema\": \"...\"}");
        }
        return node;
    }

    static ObjectNode version(SchemaVersion v) {
        return MAPPER.createObjectNode()
                .put("subject", v.subject())
                .put("version", v.version())
                .put("id", v.id())
                .put("schema", v.schema());
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static ArrayNode ints(Collection<Integer> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String oneLine(String message) {
        String first = message == null ? "" : message.split("\n")[0];
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }
}
