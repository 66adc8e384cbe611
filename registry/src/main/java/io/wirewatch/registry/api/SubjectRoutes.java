package io.wirewatch.registry.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wirewatch.registry.store.KafkaSchemaStore;
import io.wirewatch.registry.store.KafkaSchemaStore.Write;
import io.wirewatch.serde.SchemaRegistryState;
import io.wirewatch.serde.SchemaRegistryState.DeletePlan;
import io.wirewatch.serde.SchemaRegistryState.Registration;
import java.util.List;
import org.apache.avro.Schema;

/** {@code /subjects}: list, register, look up, read and delete versions. */
final class SubjectRoutes {

    private final SchemaRegistryState state;
    private final KafkaSchemaStore store;

    SubjectRoutes(SchemaRegistryState state, KafkaSchemaStore store) {
        this.state = state;
        this.store = store;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/subjects", this::listSubjects);
        routes.post("/subjects/{subject}", this::lookup);
        routes.delete("/subjects/{subject}", this::deleteSubject);
        routes.get("/subjects/{subject}/versions", this::listVersions);
        routes.post("/subjects/{subject}/versions", this::registerSchema);
        routes.get("/subjects/{subject}/versions/{version}", this::getVersion);
        routes.get("/subjects/{subject}/versions/{version}/schema", this::getVersionSchema);
        routes.delete("/subjects/{subject}/versions/{version}", this::deleteVersion);
    }

    /** {@code GET /subjects?deleted=&deletedOnly=&subjectPrefix=}. */
    private void listSubjects(Context ctx) {
        boolean deletedOnly = Requests.flag(ctx, "deletedOnly");
        boolean deleted = deletedOnly || Requests.flag(ctx, "deleted");
        String prefix = ctx.queryParam("subjectPrefix");
        List<String> names = state.subjects(deleted).stream()
                .filter(s -> prefix == null || s.startsWith(prefix))
                .filter(s -> !deletedOnly || state.live(s).isEmpty())
                .toList();
        Json.answer(ctx, Json.strings(names));
    }

    /** {@code GET /subjects/{subject}/versions?deleted=}. */
    private void listVersions(Context ctx) {
        Json.answer(ctx, Json.ints(state.versions(Requests.subject(ctx), Requests.flag(ctx, "deleted"))));
    }

    /** {@code POST /subjects/{subject}/versions?normalize=}: {@code {"id": N}}. */
    private void registerSchema(Context ctx) {
        String subject = Requests.subject(ctx);
        Schema schema = Requests.schema(ctx);
        int id = store.write(s -> {
            Registration registration = s.planRegister(subject, schema);
            return Write.of(registration.id(), registration.mutation().stream().toList());
        });
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("id", id));
    }

    /** {@code POST /subjects/{subject}?normalize=&deleted=}: the version holding an equal schema. */
    private void lookup(Context ctx) {
        String subject = Requests.subject(ctx);
        Schema schema = Requests.schema(ctx);
        Json.answer(ctx, Json.version(state.lookup(subject, schema, Requests.flag(ctx, "deleted"))));
    }

    /** {@code GET /subjects/{subject}/versions/{version}?deleted=}. */
    private void getVersion(Context ctx) {
        Json.answer(ctx, Json.version(state.findVersion(Requests.subject(ctx), Requests.version(ctx),
                Requests.flag(ctx, "deleted"))));
    }

    /** {@code GET /subjects/{subject}/versions/{version}/schema}: the schema alone. */
    private void getVersionSchema(Context ctx) {
        Json.answerText(ctx, state.findVersion(Requests.subject(ctx), Requests.version(ctx),
                Requests.flag(ctx, "deleted")).schema());
    }

    /** {@code DELETE /subjects/{subject}?permanent=}: the versions deleted. */
    private void deleteSubject(Context ctx) {
        String subject = Requests.subject(ctx);
        boolean permanent = Requests.flag(ctx, "permanent");
        List<Integer> versions = store.write(s -> {
            DeletePlan plan = s.planDeleteSubject(subject, permanent);
            return Write.of(plan.versions(), plan.mutations());
        });
        Json.answer(ctx, Json.ints(versions));
    }

    /** {@code DELETE /subjects/{subject}/versions/{version}?permanent=}: the version deleted. */
    private void deleteVersion(Context ctx) {
        String subject = Requests.subject(ctx);
        int version = Requests.version(ctx);
        boolean permanent = Requests.flag(ctx, "permanent");
        int deleted = store.write(s -> {
            DeletePlan plan = s.planDeleteVersion(subject, version, permanent);
            return Write.of(plan.versions().get(0), plan.mutations());
        });
        Json.answer(ctx, Json.MAPPER.getNodeFactory().numberNode(deleted));
    }
}
