package io.wirewatch.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.wirewatch.registry.store.KafkaSchemaStore;
import io.wirewatch.registry.store.KafkaSchemaStore.Write;
import io.wirewatch.serde.CompatibilityLevel;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.SchemaRegistryState;
import io.wirewatch.serde.SchemaRegistryState.Mode;
import io.wirewatch.serde.SchemaRegistryState.PutConfig;
import io.wirewatch.serde.SchemaRegistryState.PutMode;
import java.util.List;
import java.util.Locale;

/** {@code /config} (compatibility levels) and {@code /mode} (READWRITE or READONLY), global and per subject. */
final class ConfigRoutes {

    private final SchemaRegistryState state;
    private final KafkaSchemaStore store;

    ConfigRoutes(SchemaRegistryState state, KafkaSchemaStore store) {
        this.state = state;
        this.store = store;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/config", ctx -> level(ctx, state.globalLevel()));
        routes.put("/config", ctx -> putLevel(ctx, null));
        routes.delete("/config", ctx -> deleteLevel(ctx, null));
        routes.get("/config/{subject}", this::getSubjectLevel);
        routes.put("/config/{subject}", ctx -> putLevel(ctx, Requests.subject(ctx)));
        routes.delete("/config/{subject}", ctx -> deleteLevel(ctx, Requests.subject(ctx)));
        routes.get("/mode", ctx -> mode(ctx, state.globalMode()));
        routes.put("/mode", ctx -> putMode(ctx, null));
        routes.get("/mode/{subject}", this::getSubjectMode);
        routes.put("/mode/{subject}", ctx -> putMode(ctx, Requests.subject(ctx)));
        routes.delete("/mode/{subject}", this::deleteSubjectMode);
    }

    /** {@code GET /config/{subject}?defaultToGlobal=}: 40408 when the subject has no level of its own. */
    private void getSubjectLevel(Context ctx) {
        String subject = Requests.subject(ctx);
        CompatibilityLevel level = state.subjectLevel(subject).orElse(null);
        if (level == null && !Requests.flag(ctx, "defaultToGlobal")) {
            throw noSubjectLevel(subject);
        }
        level(ctx, level == null ? state.globalLevel() : level);
    }

    /** {@code PUT /config[/{subject}]} with {@code {"compatibility": "FULL"}}: 42203 for an unknown level. */
    private void putLevel(Context ctx, String subject) {
        JsonNode body = Json.body(ctx);
        JsonNode name = body.path("compatibility");
        if (name.isMissingNode()) {
            name = body.path("compatibilityLevel");
        }
        CompatibilityLevel level = CompatibilityLevel.parse(name.isTextual() ? name.asText() : null);
        store.write(s -> Write.of(level, List.of(new PutConfig(subject, level))));
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("compatibility", level.name()));
    }

    /** {@code DELETE /config[/{subject}]}: drops the level (the global one falls back to the default). */
    private void deleteLevel(Context ctx, String subject) {
        CompatibilityLevel previous = store.write(s -> {
            CompatibilityLevel old = subject == null ? s.globalLevel() : s.subjectLevel(subject)
                    .orElseThrow(() -> noSubjectLevel(subject));
            return Write.of(old, List.of(new PutConfig(subject, null)));
        });
        level(ctx, previous);
    }

    private void getSubjectMode(Context ctx) {
        String subject = Requests.subject(ctx);
        Mode mode = state.subjectMode(subject).orElse(null);
        if (mode == null && !Requests.flag(ctx, "defaultToGlobal")) {
            throw new RegistryException(404, RegistryException.SUBJECT_LEVEL_MODE_NOT_CONFIGURED, "Subject '"
                    + subject + "' does not have subject-level mode configured");
        }
        mode(ctx, mode == null ? state.globalMode() : mode);
    }

    /** {@code PUT /mode[/{subject}]} with {@code {"mode": "READONLY"}}: 42204 for anything but READWRITE, READONLY. */
    private void putMode(Context ctx, String subject) {
        Mode mode = parseMode(Json.body(ctx).path("mode"));
        store.write(s -> Write.of(mode, List.of(new PutMode(subject, mode))));
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("mode", mode.name()));
    }

    private void deleteSubjectMode(Context ctx) {
        String subject = Requests.subject(ctx);
        Mode previous = store.write(s -> {
            Mode old = s.subjectMode(subject).orElseThrow(() -> new RegistryException(404,
                    RegistryException.SUBJECT_LEVEL_MODE_NOT_CONFIGURED, "Subject '" + subject
                    + "' does not have subject-level mode configured"));
            return Write.of(old, List.of(new PutMode(subject, null)));
        });
        mode(ctx, previous);
    }

    private static Mode parseMode(JsonNode node) {
        String name = node.isTextual() ? node.asText().trim().toUpperCase(Locale.ROOT) : String.valueOf(node);
        if (name.equals(Mode.READWRITE.name()) || name.equals(Mode.READONLY.name())) {
            return Mode.valueOf(name);
        }
        if (name.equals(Mode.IMPORT.name()) || name.equals("READONLY_OVERRIDE")) {
            throw new RegistryException(422, RegistryException.INVALID_MODE, "Mode " + name
                    + " is not supported by this registry; use READWRITE or READONLY");
        }
        throw new RegistryException(422, RegistryException.INVALID_MODE, "Invalid mode " + name
                + "; valid modes are READWRITE and READONLY");
    }

    private static void level(Context ctx, CompatibilityLevel level) {
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("compatibilityLevel", level.name()));
    }

    private static void mode(Context ctx, Mode mode) {
        Json.answer(ctx, Json.MAPPER.createObjectNode().put("mode", mode.name()));
    }

    private static RegistryException noSubjectLevel(String subject) {
        return new RegistryException(404, RegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED, "Subject '"
                + subject + "' does not have subject-level compatibility configured");
    }
}
