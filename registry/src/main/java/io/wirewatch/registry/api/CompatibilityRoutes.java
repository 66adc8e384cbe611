package io.wirewatch.registry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wirewatch.serde.SchemaRegistryState;
import java.util.List;
import org.apache.avro.Schema;

/** {@code /compatibility}: would a schema be accepted, checked with Avro's own compatibility checker. */
final class CompatibilityRoutes {

    private final SchemaRegistryState state;

    CompatibilityRoutes(SchemaRegistryState state) {
        this.state = state;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post("/compatibility/subjects/{subject}/versions", this::againstLevel);
        routes.post("/compatibility/subjects/{subject}/versions/{version}", this::againstVersion);
    }

    /** Against the versions the subject's level names (the newest, or all for _TRANSITIVE); true when none. */
    private void againstLevel(Context ctx) {
        String subject = Requests.subject(ctx);
        Schema schema = Requests.schema(ctx);
        answer(ctx, state.compatibilityProblems(subject, schema));
    }

    /** Against one version; {@code latest} of a subject without live versions is compatible. */
    private void againstVersion(Context ctx) {
        String subject = Requests.subject(ctx);
        int version = Requests.version(ctx);
        Schema schema = Requests.schema(ctx);
        if (version == Requests.LATEST && state.live(subject).isEmpty()) {
            answer(ctx, List.of());
            return;
        }
        answer(ctx, state.compatibilityProblems(subject, version, schema));
    }

    private static void answer(Context ctx, List<String> problems) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("is_compatible", problems.isEmpty());
        if (Requests.flag(ctx, "verbose")) {
            body.set("messages", Json.strings(problems));
        }
        Json.answer(ctx, body);
    }
}
