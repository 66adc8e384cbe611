package io.wirewatch.registry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wirewatch.serde.SchemaRegistryState;
import java.util.List;

/** {@code /schemas}: schemas by their global id, and the schema types served. */
final class SchemaRoutes {

    private final SchemaRegistryState state;

    SchemaRoutes(SchemaRegistryState state) {
        this.state = state;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/schemas/types", ctx -> Json.answer(ctx, Json.strings(List.of("AVRO"))));
        routes.get("/schemas/ids/{id}", this::byId);
        routes.get("/schemas/ids/{id}/schema", this::schemaTextById);
        routes.get("/schemas/ids/{id}/subjects", this::subjectsById);
        routes.get("/schemas/ids/{id}/versions", this::versionsById);
    }

    /** {@code GET /schemas/ids/{id}?subject=}: {@code {"schema": "..."}}; ids are global, the subject only a hint. */
    private void byId(Context ctx) {
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("schema", state.schemaById(Requests.schemaId(ctx))));
    }

    private void schemaTextById(Context ctx) {
        Json.answerText(ctx, state.schemaById(Requests.schemaId(ctx)));
    }

    /** {@code GET /schemas/ids/{id}/subjects?deleted=}. */
    private void subjectsById(Context ctx) {
        Json.answer(ctx, Json.strings(state.subjectsForId(Requests.schemaId(ctx), Requests.flag(ctx, "deleted"))));
    }

    /** {@code GET /schemas/ids/{id}/versions?deleted=}: {@code [{"subject": "s", "version": 1}]}. */
    private void versionsById(Context ctx) {
        ArrayNode answer = Json.MAPPER.createArrayNode();
        state.versionsForId(Requests.schemaId(ctx), Requests.flag(ctx, "deleted")).forEach(v ->
                answer.addObject().put("subject", v.subject()).put("version", v.version()));
        Json.answer(ctx, answer);
    }
}
